"""The project's nginx site (deploy/nginx.conf) on Debian's nginx in front of a gunicorn of the
bench's Stack, on free loopback ports with a self-signed certificate, and a visitor that speaks HTTPS
to it as a browser does: for `make soak` and the tests that go through the proxy."""

import contextlib
import gzip
import http.client
import re
import socket
import ssl
import subprocess
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

HOST = "perpustakaan.example.id"


def nginx_site(folder, upstream, media_root, http_port, https_port):
    """deploy/nginx.conf on free ports, with a self-signed certificate and this machine's folders."""
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", f"/CN={HOST}"]
        + ["-keyout", str(folder / "key.pem"), "-out", str(folder / "cert.pem")],
        check=True,
        capture_output=True,
    )
    site = (ROOT / "deploy" / "nginx.conf").read_text()
    site = "\n".join(line for line in site.splitlines() if "[::]" not in line)
    site = re.sub(r"listen 80\b", f"listen 127.0.0.1:{http_port}", site)
    site = re.sub(r"listen 443\b", f"listen 127.0.0.1:{https_port}", site)
    site = site.replace(f"/etc/letsencrypt/live/{HOST}/fullchain.pem", str(folder / "cert.pem"))
    site = site.replace(f"/etc/letsencrypt/live/{HOST}/privkey.pem", str(folder / "key.pem"))
    site = site.replace("/srv/portal/app/staticfiles/", f"{folder}/staticfiles/")
    site = site.replace("/srv/portal/media/", f"{media_root}/")
    site = site.replace("http://127.0.0.1:8000", upstream)
    (folder / "site.conf").write_text(site)
    temp = folder / "nginx-temp"
    temp.mkdir()
    (folder / "nginx.conf").write_text(
        f"""user root;
daemon off;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/nginx-error.log;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include {folder}/site.conf;
}}
"""
    )
    return folder / "nginx.conf"


@contextlib.contextmanager
def nginx(config):
    server = subprocess.Popen(["nginx", "-c", str(config)], stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(1)
        if server.poll() is not None:
            raise SystemExit(f"nginx did not start: {server.stderr.read()}")
        yield
    finally:
        server.terminate()
        server.wait(timeout=10)


class Visitor:
    """One browser: a kept-alive HTTPS connection to nginx (with SNI), its cookies."""

    def __init__(self, port):
        self.port = port
        self.context = ssl.create_default_context()
        self.context.check_hostname = False
        self.context.verify_mode = ssl.CERT_NONE
        self.connection = None
        self.cookies = {}
        self.headers = None  # the last answer's

    def request(self, method, path, fields=None, headers=None):
        if self.connection is None:
            sock = socket.create_connection(("127.0.0.1", self.port), timeout=30)
            self.connection = http.client.HTTPSConnection(HOST, self.port, context=self.context)
            self.connection.sock = self.context.wrap_socket(sock, server_hostname=HOST)
        headers = {"Host": HOST, "Accept-Encoding": "gzip", **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if fields is not None:
            body = urllib.parse.urlencode(fields)
            headers |= {"Content-Type": "application/x-www-form-urlencoded", "Referer": f"https://{HOST}{path}"}
        try:
            self.connection.request(method, path, body, headers)
            response = self.connection.getresponse()
            content = response.read()
            self.headers = response.headers
        except (OSError, http.client.HTTPException):
            self.connection.close()
            self.connection = None
            raise
        if response.headers.get("Content-Encoding") == "gzip":
            content = gzip.decompress(content)
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, value = header.split(";")[0].partition("=")
            self.cookies[name] = value
        if response.headers.get("Connection", "").lower() == "close":
            self.connection.close()
            self.connection = None
        return response.status, content
