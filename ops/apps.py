from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Running the site: the page cache and its purge, security headers and sign-in lockout,
    upload checks, error pages, health checks, logging, backups."""

    name = "ops"

    def ready(self):
        # Every process (workers, cron's publish_scheduled, import commands) purges on a change.
        from ops.cache import connect_signals

        connect_signals()
