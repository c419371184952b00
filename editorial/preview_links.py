"""Shareable preview links: a secret address that shows a page's latest draft to a funder or
reviewer without an account, until the link expires or an editor revokes it."""

from datetime import timedelta

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import include, path, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST, require_safe
from django.views.defaults import permission_denied
from django.views.generic import FormView

from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.utils import get_latest_str
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.pages.utils import get_breadcrumbs_items_for_page
from wagtail.models import Page

from .models import PreviewLink


class PreviewLinkForm(forms.Form):
    days = forms.TypedChoiceField(
        label=_("The link works for"),
        choices=[(1, _("1 day")), (7, _("7 days")), (30, _("30 days"))],
        coerce=int,
        initial=7,
        widget=forms.RadioSelect,
        help_text=_("After that it shows a “not found” page. You can also revoke it earlier."),
    )


def can_share(page, user):
    """Only the page's editors share its drafts: they can already see them in the admin."""
    return not page.is_root() and page.is_previewable() and page.permissions_for_user(user).can_edit()


def refuse(request):
    # A plain 403: Wagtail's admin would turn PermissionDenied into a redirect to the dashboard.
    return permission_denied(request, PermissionDenied())


class PreviewLinksView(WagtailAdminTemplateMixin, FormView):
    """The page's active links, to copy or revoke, and a form to make a new one."""

    template_name = "editorial/preview_links.html"
    form_class = PreviewLinkForm
    page_title = _("Preview links")
    header_icon = "link"

    def dispatch(self, request, *args, **kwargs):
        self.page = get_object_or_404(Page, id=kwargs["page_id"])
        if not can_share(self.page, request.user):
            return refuse(request)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return get_latest_str(self.page)

    def get_breadcrumbs_items(self):
        return get_breadcrumbs_items_for_page(self.page, self.request.user) + [
            {"url": "", "label": self.get_page_title()}
        ]

    def get_context_data(self, **kwargs):
        links = list(PreviewLink.objects.active().filter(page=self.page).select_related("created_by"))
        # Reviewers open the public site, which may live on another host than the admin.
        site = self.page.get_site()
        root = site.root_url if site else self.request.build_absolute_uri("/").rstrip("/")
        for link in links:
            link.full_url = root + reverse("preview_link", args=[link.token])
        return super().get_context_data(page=self.page, links=links, **kwargs)

    def form_valid(self, form):
        PreviewLink.objects.expired().delete()
        PreviewLink.objects.create(
            page=self.page,
            created_by=self.request.user,
            expires_at=timezone.now() + timedelta(days=form.cleaned_data["days"]),
        )
        messages.success(self.request, _("Preview link created. Copy it from the list and send it to your reviewer."))
        return redirect("editorial_preview_links:index", self.page.pk)


@require_POST
def revoke(request, page_id, link_id):
    page = get_object_or_404(Page, id=page_id)
    if not can_share(page, request.user):
        return refuse(request)
    get_object_or_404(PreviewLink, id=link_id, page=page).delete()
    messages.success(request, _("Preview link revoked: it no longer opens the draft."))
    return redirect("editorial_preview_links:index", page.pk)


class SharePreviewLinkButton(PageMenuItem):
    label = _("Share a preview link")
    icon_name = "link"
    url_name = "editorial_preview_links:index"

    def is_shown(self, user):
        return can_share(self.page, user)


urls = [
    path("page/<int:page_id>/", PreviewLinksView.as_view(), name="index"),
    path("page/<int:page_id>/revoke/<int:link_id>/", revoke, name="revoke"),
]
admin_urls = [path("preview-links/", include((urls, "editorial_preview_links")))]


@require_safe
def serve(request, token):
    """The page's latest revision, rendered as Wagtail's own preview does, in the page's language."""
    link = PreviewLink.objects.active().select_related("page").filter(token=token).first()
    if link is None:
        raise Http404
    page = link.page.get_latest_revision_as_object()
    if not page.is_previewable():
        raise Http404
    mode = page.default_preview_mode
    request.is_preview = True
    request.preview_mode = mode
    # Read by templates/base.html to show the notice with the expiry date.
    request.preview_link = link
    language = page.locale.language_code
    with translation.override(language):
        response = page.serve_preview(request, mode)
        # A TemplateResponse renders lazily: render it while the page's language is active.
        if callable(getattr(response, "render", None)):
            response.render()
    response["Content-Language"] = language
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    # Keep the secret address out of the Referer header sent to linked sites and embeds.
    response["Referrer-Policy"] = "no-referrer"
    return response
