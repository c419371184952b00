"""The second step's pages: the code after the password, enrolment with a QR code drawn here
(no outside service, within the admin's Content-Security-Policy), the user's own settings and an
administrator's reset of someone else's."""

from base64 import b32encode

import segno
from django_otp.plugins.otp_static.models import StaticDevice

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from . import two_factor
from .actions import OTP_ENROLLED, OTP_RESET, OTP_VERIFIED, RECOVERY_CODE_USED
from .notices import notify_security_change


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=32,
        help_text=gettext_lazy("The six digits your authenticator app shows now, or one of your recovery codes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}),
    )


def next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


def verify(request):
    user = request.user
    if two_factor.authenticator(user) is None:
        return redirect(reverse("accounts_setup") + "?" + request.GET.urlencode())
    form = CodeForm(request.POST or None)
    if form.is_valid():
        device = two_factor.check_code(request, form.cleaned_data["code"])
        if device is None:  # logged as OTP_FAILED by audit.py, with the address
            if not request.user.is_authenticated:  # locked out: django-axes answers with its page
                return redirect("wagtailadmin_login")
            form.add_error("code", _("This code is not right. Check the time on your phone and try the newest code."))
        else:
            if isinstance(device, StaticDevice):
                left = two_factor.recovery_codes_left(user)
                log(instance=user, action=RECOVERY_CODE_USED, user=user, data={"left": left})
                messages.warning(
                    request,
                    ngettext(
                        "You signed in with a recovery code: %(count)d is left. Make new ones in your account.",
                        "You signed in with a recovery code: %(count)d are left. Make new ones in your account.",
                        left,
                    )
                    % {"count": left},
                )
            else:
                log(instance=user, action=OTP_VERIFIED, user=user)
            return redirect(next_url(request))
    return TemplateResponse(request, "accounts/verify.html", {"form": form, "next": next_url(request)})


def setup(request):
    user = request.user
    if two_factor.authenticator(user) and not user.is_verified():
        # Replacing an authenticator needs the current one first.
        return redirect(reverse("accounts_verify") + "?" + request.GET.urlencode())
    device = two_factor.new_authenticator(user)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        if device.verify_token("".join(form.cleaned_data["code"].split())):
            codes = two_factor.confirm(user, device)
            two_factor.otp_login(request, device)
            log(instance=user, action=OTP_ENROLLED, user=user)
            notify_security_change(user, OTP_ENROLLED, request)
            messages.success(request, _("Two-step verification is on for your account."))
            return recovery_codes_page(request, codes)
        form.add_error("code", _("This code is not right. Scan the QR code again and type the newest code."))
    secret = b32encode(device.bin_key).decode()
    qr = segno.make(device.config_url, error="m")
    context = {
        "form": form,
        "next": next_url(request),
        # Without a size: as wide as the column, on a phone too.
        "qr_code": qr.svg_inline(omitsize=True, title=_("QR code for your authenticator app")),
        "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        "required": two_factor.must_use(user),
    }
    return TemplateResponse(request, "accounts/setup.html", context)


def recovery_codes_page(request, codes):
    return TemplateResponse(request, "accounts/recovery_codes.html", {"codes": codes, "next": next_url(request)})


class SettingsView(WagtailAdminTemplateMixin, TemplateView):
    """The user's own two-step verification: its state, new recovery codes, turning it off where
    their role allows."""

    page_title = gettext_lazy("Two-step verification")
    header_icon = "key"
    template_name = "accounts/two_factor_settings.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            authenticator=two_factor.authenticator(user),
            codes_left=two_factor.recovery_codes_left(user),
            required=two_factor.must_use(user),
            **kwargs,
        )

    def post(self, request):
        user = request.user
        if "new_codes" in request.POST and two_factor.authenticator(user):
            log(instance=user, action=OTP_ENROLLED, user=user, data={"recovery_codes": "new"})
            return recovery_codes_page(request, two_factor.new_recovery_codes(user))
        if "turn_off" in request.POST and not two_factor.must_use(user):
            two_factor.remove_all(user)
            log(instance=user, action=OTP_RESET, user=user)
            notify_security_change(user, OTP_RESET, request)
            messages.success(request, _("Two-step verification is off for your account."))
        return redirect("accounts_settings")


class ResetView(WagtailAdminTemplateMixin, TemplateView):
    """An administrator removes someone's authenticator and recovery codes (a lost phone): they
    enrol again at their next sign-in."""

    page_title = gettext_lazy("Reset two-step verification")
    header_icon = "key"
    template_name = "accounts/two_factor_reset.html"

    def dispatch(self, request, user_id):
        if not request.user.has_perm("auth.change_user"):
            raise PermissionDenied
        self.member = get_object_or_404(get_user_model(), pk=user_id)
        return super().dispatch(request, user_id)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            member=self.member, authenticator=two_factor.authenticator(self.member), **kwargs
        )

    def post(self, request, user_id):
        two_factor.remove_all(self.member)
        log(instance=self.member, action=OTP_RESET, user=request.user)
        notify_security_change(self.member, OTP_RESET, request)
        messages.success(
            request,
            _("Two-step verification of %(name)s is reset: they set it up again at their next sign-in.")
            % {"name": self.member.get_username()},
        )
        return redirect("wagtailusers_users:index")


urlpatterns = [
    path("second-step/", verify, name="accounts_verify"),
    path("second-step/setup/", setup, name="accounts_setup"),
    path("account/two-step/", SettingsView.as_view(), name="accounts_settings"),
    path("users/<int:user_id>/two-step/reset/", ResetView.as_view(), name="accounts_reset"),
]
