# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# A step of bin/test-upgrade, not addon code: it prints its result.
# pylint: disable=print-used
"""What an administrator changed in the suite's ``noupdate`` data, before the
upgrade (issue #31), run by bin/test-upgrade in ``odoo shell`` (``env``
given) on the old code's database before the snapshot: an upgrade keeps it,
also where a capability left the core for an addon that the upgrade installs
(the complaints, 19.0.5.0.0, installed because the survey addon now depends
on them). tests/upgrade/check.py compares the grades' rows and the scheduled
actions' interval.

Prints an ``administrator's edits: ...`` line."""

# the complaint grades and their reminders' schedule, tuned by the company
grade = env.ref("customer_callback.customer_complaint_grade_urgent")  # noqa: F821 (odoo shell)
grade.write({"response_hours": 3, "resolution_hours": 12})
cron = env.ref("customer_callback.ir_cron_complaint_reminders")  # noqa: F821
cron.interval_number = 15
env.cr.commit()  # noqa: F821
print(
    f"administrator's edits: grade {grade.name} {grade.response_hours} h / "
    f"{grade.resolution_hours} h, complaint reminders every {cron.interval_number} minutes"
)
