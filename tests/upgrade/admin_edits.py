# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# A step of bin/test-upgrade, not addon code: it prints its result.
# pylint: disable=print-used
"""What an administrator changed in the suite's ``noupdate`` data, before the
upgrade (issue #31), run by bin/test-upgrade in ``odoo shell`` (``env``
given) on the old code's database before the snapshot: an upgrade keeps it,
also where a capability left the core for an addon that the upgrade installs
(the complaints, 19.0.5.0.0, and the personal links, 19.0.3.0.0, installed
because the survey addon now depends on them; the spot-checks, 19.0.6.0.0,
installed because the reports now depend on them). tests/upgrade/check.py
compares the grades' rows, the scheduled actions' interval and every noupdate
record.

Prints an ``administrator's edits: ...`` line."""


def ref(name, *modules):
    """The record of xml id ``name`` under the first of ``modules`` that has
    it (the old code may be from before or after a capability's cut)."""
    for module in modules:
        record = env.ref(f"{module}.{name}", raise_if_not_found=False)  # noqa: F821 (odoo shell)
        if record:
            return record
    raise ValueError(f"no {name} under {modules}")


# the complaint grades and their reminders' schedule, tuned by the company
grade = ref("customer_complaint_grade_urgent", "customer_callback_complaint", "customer_callback")
grade.write({"response_hours": 3, "resolution_hours": 12})
cron = ref("ir_cron_complaint_reminders", "customer_callback_complaint", "customer_callback")
cron.interval_number = 15
# the spot-check script (noupdate; customer_callback_spot_check's since 19.0.6.0.0)
script = ref("script_spot_check", "customer_callback_spot_check", "customer_callback")
script.closing = "<p>Thank you, {address}: our quality team reads every answer.</p>"
# the personal link's mail in the company's words (the portal's, installed by
# the upgrade of 19.0.3.0.0 because the survey addon depends on it)
template = ref(
    "mail_template_customer_callback_personal_link", "customer_callback_portal", "customer_callback"
)
template.subject = "{{ object.company_id.name }}: 您的专属页面"
env.cr.commit()  # noqa: F821
print(
    f"administrator's edits: grade {grade.name} {grade.response_hours} h / "
    f"{grade.resolution_hours} h, complaint reminders every {cron.interval_number} minutes, "
    f"spot-check script's closing line, personal link's subject {template.subject!r}"
)
