"""The deployment as docs/deploy.md sets it up: nginx (deploy/nginx/clinic.conf) with TLS in front
of gunicorn, HTTPS=1, checked over https://127.0.0.1:<port>.

`make test-deploy` runs it (DEPLOY_SMOKE=1); it needs Debian's nginx and openssl, and says so when
they are missing. A self-signed certificate is made for the run.
"""

import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    os.environ.get("DEPLOY_SMOKE") != "1", reason="the deploy smoke test runs by make test-deploy"
)

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "deploy-smoke-" + secrets.token_hex(8)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(port, what, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{what} did not start on port {port}")


def nginx_config(folder, http_port, https_port, app_port, data_dir, cert, key):
    site = (ROOT / "deploy/nginx/clinic.conf").read_text()
    site = re.sub(r"^\s*listen \[::\].*\n", "", site, flags=re.MULTILINE)  # no IPv6 needed here
    site = site.replace("listen 80;", f"listen 127.0.0.1:{http_port};")
    site = site.replace("listen 443 ssl;", f"listen 127.0.0.1:{https_port} ssl;")
    site = site.replace("127.0.0.1:8000", f"127.0.0.1:{app_port}")
    site = site.replace("/etc/ssl/clinic/fullchain.pem", str(cert))
    site = site.replace("/etc/ssl/clinic/privkey.pem", str(key))
    site = site.replace("/srv/clinic/data/", f"{data_dir}/")
    site = site.replace("/var/log/nginx/", f"{folder}/")
    (folder / "clinic.conf").write_text(site)
    temp = folder / "temp"
    temp.mkdir(mode=0o777)
    temp.chmod(0o777)
    main = f"""
worker_processes 1;
daemon off;
pid {folder}/nginx.pid;
error_log {folder}/error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    access_log {folder}/access.log;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include {folder}/clinic.conf;
}}
"""
    (folder / "nginx.conf").write_text(main)
    return folder / "nginx.conf"


@pytest.fixture(scope="module")
def deployed(tmp_path_factory):
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists() or not shutil.which("openssl"):
        pytest.skip("nginx or openssl is not installed (apt-get install nginx openssl)")
    folder = tmp_path_factory.mktemp("deploy")
    data_dir = folder / "data"
    data_dir.mkdir()
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"]
        + ["-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    http_port, https_port, app_port = free_port(), free_port(), free_port()
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "EMAIL_HOST")},
        "DJANGO_SETTINGS_MODULE": "clinic.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "CLINIC_DATA_DIR": str(data_dir),
        "HTTPS": "1",
        "TRUSTED_PROXY_COUNT": "1",
        "ALLOWED_HOSTS": "127.0.0.1",
        "TASKS_BACKEND": "immediate",
        "PUBLIC_URL": f"https://127.0.0.1:{https_port}",
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (["migrate", "--noinput", "-v", "0"], ["collectstatic", "--noinput", "-v", "0"]):
        subprocess.run(manage + command, env=env, check=True, cwd=ROOT)
    subprocess.run(manage + ["setup_site"], env=env, check=True, cwd=ROOT, capture_output=True)
    create_user = (
        "from django.contrib.auth import get_user_model; "
        "get_user_model().objects.create_user("
        f"'smoke-editor', password='{PASSWORD}', is_staff=True)"
    )
    subprocess.run(manage + ["shell", "-c", create_user], env=env, check=True, cwd=ROOT)
    gunicorn = subprocess.Popen(
        [str(Path(sys.executable).with_name("gunicorn")), "--chdir", str(ROOT / "site")]
        + ["clinic.wsgi:application", "--bind", f"127.0.0.1:{app_port}", "--workers", "1"]
        + ["--threads", "4", "--log-level", "warning"],
        env=env,
        cwd=ROOT,
    )
    config = nginx_config(folder, http_port, https_port, app_port, data_dir, cert, key)
    proxy = subprocess.Popen([nginx, "-c", str(config), "-p", str(folder)])
    try:
        wait_for(app_port, "gunicorn")
        wait_for(https_port, "nginx")
        yield {
            "https": f"https://127.0.0.1:{https_port}",
            "http": f"http://127.0.0.1:{http_port}",
            "app_port": app_port,
            "https_port": https_port,
            "cert": str(cert),
            "access_log": folder / "clinic-access.log",
        }
    finally:
        for process in (proxy, gunicorn):
            stop(process)


def stop(process):
    """Ask a server to stop; kill it if it is still finishing a connection after 10 s."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


@pytest.fixture
def browser(deployed):
    import requests

    session = requests.Session()
    session.verify = deployed["cert"]
    session.trust_env = False  # else REQUESTS_CA_BUNDLE from the environment wins over verify
    return session


def test_hsts_and_a_page_over_https(deployed, browser):
    response = browser.get(deployed["https"] + "/en-ca/", allow_redirects=False)
    assert response.status_code == 200
    assert "max-age=31536000" in response.headers["Strict-Transport-Security"]
    assert response.headers.get("X-Request-ID")


def test_http_is_redirected_to_https(deployed, browser):
    response = browser.get(deployed["http"] + "/en-ca/contact/", allow_redirects=False)
    assert response.status_code == 301
    assert response.headers["Location"].startswith("https://127.0.0.1")
    assert browser.get(deployed["http"] + "/health/").status_code == 200  # the load balancer's


def test_a_forged_forwarded_proto_is_replaced_by_the_proxy(deployed, browser):
    response = browser.get(
        deployed["https"] + "/en-ca/", headers={"X-Forwarded-Proto": "http"}, allow_redirects=False
    )
    assert response.status_code == 200  # nginx said https; no redirect loop


def test_the_access_log_keeps_no_query_string(deployed, browser):
    """What a patient searches for is not written to the proxy's log (nor to the app's)."""
    response = browser.get(deployed["https"] + "/en-ca/search/?q=shingles+herpes")
    assert response.status_code == 200
    time.sleep(0.5)  # nginx writes the line once the response is sent
    log = deployed["access_log"].read_text()
    assert "/en-ca/search/" in log
    assert "shingles" not in log and "herpes" not in log


def csrf_token(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def test_login_through_the_proxy_with_secure_cookies(deployed, browser):
    login = deployed["https"] + "/admin/login/"
    page = browser.get(login)
    assert page.status_code == 200
    response = browser.post(
        login,
        data={"csrfmiddlewaretoken": csrf_token(page.text), "username": "smoke-editor"}
        | {"password": PASSWORD, "next": "/admin/"},
        headers={"Referer": login, "Origin": deployed["https"]},
        allow_redirects=False,
    )
    assert response.status_code == 302, response.text[:500]
    cookies = {cookie.name: cookie for cookie in browser.cookies}
    assert cookies["sessionid"].secure and cookies["csrftoken"].secure
    assert "httponly" in response.headers["Set-Cookie"].lower()
    assert browser.get(deployed["https"] + "/admin/").status_code == 200


def test_the_contact_form_posts_through_the_proxy(deployed, browser):
    url = deployed["https"] + "/en-ca/contact/"
    page = browser.get(url)
    assert page.status_code == 200
    response = browser.post(
        url,
        data={
            "csrfmiddlewaretoken": csrf_token(page.text),
            "topic": "appointment",
            "name": "Smoke Test",
            "contact_method": "phone",
            "phone": "514 555-0100",
            "preferred_language": "en-ca",
            "reason": "Deploy smoke test",
            "consent": "on",
            "website": "",
        },
        headers={"Referer": url, "Origin": deployed["https"]},
        allow_redirects=False,
    )
    assert response.status_code == 302, response.text[:500]
    assert response.headers["Location"].endswith("/en-ca/contact/sent/")


def test_static_files_compressed_and_cached_for_a_year(deployed, browser):
    html = browser.get(deployed["https"] + "/en-ca/").text
    stylesheet = re.search(r'href="(/static/[^"]+\.[0-9a-f]{12}\.css)"', html).group(1)
    response = browser.get(deployed["https"] + stylesheet, headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == "gzip"
    assert "max-age=31536000" in response.headers["Cache-Control"]


def raw_upload(port, size, use_tls, cert=None):
    """Announce a ``size``-byte upload, send a little of it, return the HTTP status answered."""
    import ssl

    sock = socket.create_connection(("127.0.0.1", port), timeout=30)
    if use_tls:
        context = ssl.create_default_context(cafile=cert)
        sock = context.wrap_socket(sock, server_hostname="127.0.0.1")
    with sock:
        sock.sendall(
            (
                "POST /admin/documents/multiple/add/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                "X-Forwarded-Proto: https\r\n"
                "Content-Type: multipart/form-data; boundary=x\r\n"
                f"Content-Length: {size}\r\nConnection: close\r\n\r\n"
            ).encode()
            + b"x" * 1024
        )
        answer = sock.recv(4096).decode("latin-1")
    return int(answer.split()[1])


def test_an_upload_over_the_limit_is_refused_by_nginx_and_by_django(deployed):
    from clinic.settings.operations import REQUEST_MAX_BODY_SIZE

    over = REQUEST_MAX_BODY_SIZE + 1
    assert raw_upload(deployed["https_port"], over, True, deployed["cert"]) == 413  # nginx
    assert raw_upload(deployed["app_port"], over, False) == 413  # Django behind it
