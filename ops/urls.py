from django.urls import path

from ops import health

# For monitoring and load balancers: database and cache reachable (JSON, 200 or 503).
urlpatterns = [path("healthz", health.healthz, name="healthz")]
