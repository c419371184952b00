"""gunicorn settings: `gunicorn -c gunicorn.conf.py portal.wsgi` (deploy/portal.service, `make serve`).
Behind nginx on the same machine; every value can be changed from the environment."""

import os

# Listen on localhost only: nginx in front is the way in. Several app servers behind a load
# balancer listen on their private address instead (HOST=10.0.0.11).
bind = f"{os.environ.get('HOST') or '127.0.0.1'}:{os.environ.get('PORT') or '8000'}"

# Two workers per core and one more, at most 6: each takes 150-250 MB, and the small server also
# runs PostgreSQL and Redis. WEB_CONCURRENCY overrides it.
cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
workers = int(os.environ.get("WEB_CONCURRENCY") or min(2 * cores + 1, 6))

# Long enough to draw a large image's first renditions; a worker stuck longer is restarted.
timeout = int(os.environ.get("GUNICORN_TIMEOUT") or 60)
graceful_timeout = 30
keepalive = 5
# The longest request line gunicorn reads (its maximum): nginx passes up to 8 KB and answers a longer
# one itself (414), so a long address reaches the site's 404 page, not gunicorn's plain 400.
limit_request_line = 8190

# A worker is replaced after 100,000 to 150,000 requests, so a slow leak stays small. Not sooner: a
# new worker takes a second or two to import the site, and workers busy alike reach their count
# together; when all of them restart at once nobody accepts meanwhile. With 10,000 and a tenth as
# jitter, make bench's two workers did so every ten seconds or so under load, and the cached pages'
# p99 went over a second (wrk timeouts). (gunicorn's preload_app would make restarts instant, but
# then `systemctl reload` would no longer load new code.)
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS") or 100_000)
max_requests_jitter = max_requests // 2

# X-Forwarded-Proto is trusted only from nginx on this machine (or the load balancer's address).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS") or "127.0.0.1,::1"

# Both logs to stdout/stderr: journald keeps them (journalctl -u portal). The access log names the
# proxy's address, then the visitor's that nginx sends in X-Real-IP.
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s %({x-real-ip}i)s "%(r)s" %(s)s %(b)s %(M)sms "%(f)s" "%(a)s"'
loglevel = "info"
proc_name = "portal"
# The workers' heartbeat in memory, not on a disk that may be slow or read-only.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
