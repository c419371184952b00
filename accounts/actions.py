"""The names of the sign-in and account events kept in Wagtail's log, with their labels."""

from django.utils.translation import gettext_lazy as _

SIGNED_IN = "accounts.signed_in"
SIGN_IN_FAILED = "accounts.sign_in_failed"
LOCKED_OUT = "accounts.locked_out"
PASSWORD_CHANGED = "accounts.password_changed"
# Logged by the two-factor sign-in; named here so that the report lists them.
OTP_VERIFIED = "accounts.otp_verified"
OTP_FAILED = "accounts.otp_failed"
OTP_ENROLLED = "accounts.otp_enrolled"
OTP_RESET = "accounts.otp_reset"
RECOVERY_CODE_USED = "accounts.recovery_code_used"

# {action: label}, registered with Wagtail (wagtail_hooks.py); the label is also the message.
ACCOUNT_ACTIONS = {
    SIGNED_IN: _("Signed in"),
    SIGN_IN_FAILED: _("Sign-in failed"),
    LOCKED_OUT: _("Sign-in locked"),
    PASSWORD_CHANGED: _("Password changed"),
    OTP_VERIFIED: _("Second factor verified"),
    OTP_FAILED: _("Second factor failed"),
    OTP_ENROLLED: _("Second factor set up"),
    OTP_RESET: _("Second factor reset"),
    RECOVERY_CODE_USED: _("Recovery code used"),
}

# What the staff activity report lists: the events above and Wagtail's own publishing.
REPORTED_ACTIONS = [*ACCOUNT_ACTIONS, "wagtail.publish", "wagtail.unpublish"]
