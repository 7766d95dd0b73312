# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""How a phone callback attempt reads in a sales phone-call log (OCA
``crm_phonecall``). Pure.

- Only phone attempts are phone calls (an SMS, a WeChat message or a visit is
  not).
- A call that reached the customer is *held* (connected, hung up after
  connecting, declined on the line, a voice message left); a call that did not
  (no answer, busy, switched off) is *cancelled*: it took place as a try only.
"""

from .attempt_policy import UNREACHABLE_RESULTS

PHONE = "phone"
HELD = "done"
NOT_HELD = "cancel"


def is_phone_call(channel):
    return channel == PHONE


def phonecall_state(result):
    """The ``crm.phonecall`` state of an attempt's result."""
    return NOT_HELD if result in UNREACHABLE_RESULTS else HELD
