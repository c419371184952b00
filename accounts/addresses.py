"""The client's address for log entries and e-mails written far from the request (Wagtail's
publish, a user's save): `ClientAddressMiddleware` keeps it for the request being served."""

from contextvars import ContextVar

from ops.log import client_ip

client_address = ContextVar("client_address", default=None)


class ClientAddressMiddleware:
    """Keeps the request's client address, as ops.log.client_ip and django-axes see it behind
    nginx, while the request is served."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = client_address.set(client_ip(request))
        try:
            return self.get_response(request)
        finally:
            client_address.reset(token)


def address_of(request=None):
    """The address of `request`, or of the request being served; None outside one (a command)."""
    return client_ip(request) if request is not None else client_address.get()
