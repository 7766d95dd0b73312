# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What an administrator changed in the suite's ``noupdate`` data, before the
upgrade (issue #31), run by bin/test-upgrade in ``odoo shell`` (``env``
given) on the old code's database before the snapshot: an upgrade keeps it,
also where a capability left the core for an addon that the upgrade installs
(the complaints, 19.0.5.0.0, and the personal links, 19.0.3.0.0, installed
because the survey addon now depends on them). tests/upgrade/check.py compares
the grades' rows, the scheduled actions' interval and every noupdate record.

Prints an ``administrator's edits: ...`` line."""

# the complaint grades and their reminders' schedule, tuned by the company
grade = env.ref("customer_callback.customer_complaint_grade_urgent")  # noqa: F821 (odoo shell)
grade.write({"response_hours": 3, "resolution_hours": 12})
cron = env.ref("customer_callback.ir_cron_complaint_reminders")  # noqa: F821
cron.interval_number = 15
# the personal link's mail in the company's words (the portal's, installed by
# the upgrade of 19.0.3.0.0 because the survey addon depends on it)
template = env.ref("customer_callback.mail_template_customer_callback_personal_link")  # noqa: F821
template.subject = "{{ object.company_id.name }}: 您的专属页面"
env.cr.commit()  # noqa: F821
print(
    f"administrator's edits: grade {grade.name} {grade.response_hours} h / "
    f"{grade.resolution_hours} h, complaint reminders every {cron.interval_number} minutes, "
    f"personal link's subject {template.subject!r}"
)
