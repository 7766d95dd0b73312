# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The "try with sample data" set (issue #29 point 2): what the sample holds,
as plain values. Pure, no ORM: customer_callback_sample.py creates the
records with the suite's own methods.

Every record of the sample is tracked by an ``ir.model.data`` row of the
module-less namespace ``NAMESPACE``: it needs no column on any model, works
for every model (customers, orders, tickets, teams…), is what Odoo itself
does for records it must find again (``__export__``, ``__import__``), and no
module update ever touches it (no module of that name exists)."""

NAMESPACE = "customer_callback_sample"

# Customers: (name, language, timezone, country code, phone, e-mail, VIP)
CUSTOMERS = (
    ("王芳（示例）", "zh_CN", "Asia/Shanghai", "CN", "+86 138 0013 8001", "", False),
    ("李强（示例）", "zh_CN", "Asia/Shanghai", "CN", "+86 139 0013 9002", "", True),
    ("陈静（示例）", "zh_CN", "Asia/Shanghai", "CN", "+86 137 0013 7003", "", False),
    (
        "Emma Brown (sample)",
        "en_US",
        "Europe/London",
        "GB",
        "+44 20 7946 0101",
        "emma.brown@example.com",
        False,
    ),
    (
        "Daniel Miller (sample)",
        "en_US",
        "America/New_York",
        "US",
        "+1 212 555 0102",
        "daniel.miller@example.com",
        False,
    ),
    ("赵磊（示例）", "zh_CN", "Asia/Shanghai", "CN", "+86 136 0013 6004", "", False),
    ("刘洋（示例）", "zh_CN", "Asia/Shanghai", "CN", "+86 135 0013 5005", "", False),
    (
        "Sophie Wilson (sample)",
        "en_US",
        "Europe/London",
        "GB",
        "+44 161 496 0106",
        "sophie.wilson@example.com",
        False,
    ),
)

# Open callbacks: (customer index, segment, channel, days from today). Day 0
# is due today (on *My workday*); the others later this week.
OPEN_CALLBACKS = (
    (0, "new_customer", "phone", 0),
    (1, "vip", "phone", 0),
    (3, "usage", "phone", 0),
    (2, "care_occasion", "sms", 1),
    (4, "long_term", "email", 2),
    (1, "churn_risk", "phone", 3),
)

# Callbacks done today, scored, of customers with nothing else open: the
# month's spot-check can draw them.
DONE_CALLBACKS = (
    (5, "usage", 5),
    (6, "new_customer", 4),
    (7, "second_followup", 2),
)

# The customer of the sample's trigger record (customer_callback_sale: the
# order whose confirmation runs the generation), and of the complaint ticket.
TRIGGER_CUSTOMER = 0
COMPLAINT_CUSTOMER = 2


def sample_name(prefix, index):
    """The reference of the ``index``-th sample record (1-based): outside the
    company's numbering, which sample records never consume."""
    return f"{prefix}-{index:03d}"
