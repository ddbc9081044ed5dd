"""check_links against a server on this machine (never the internet)."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command

from safeguards.models import LinkCheck


class Handler(BaseHTTPRequestHandler):
    def _answer(self, with_body):
        path = self.path
        if path == "/ok":
            status, headers = 200, {}
        elif path == "/no-head":
            status, headers = (405 if self.command == "HEAD" else 200), {}
        elif path == "/moved":
            status, headers = 301, {"Location": "/ok"}
        elif path == "/loop":
            status, headers = 302, {"Location": "/loop"}
        elif path == "/slow":
            threading.Event().wait(2)
            status, headers = 200, {}
        else:
            status, headers = 404, {}
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", "2" if with_body else "0")
        self.end_headers()
        if with_body:
            self.wfile.write(b"ok")

    def do_HEAD(self):  # noqa: N802
        self._answer(False)

    def do_GET(self):  # noqa: N802
        self._answer(True)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def make_resource(home_pages):
    from directory.models import Resource

    english_home, _french_home = home_pages

    def make(title, url):
        resource = Resource(kind="website", title=title, url=url, locale=english_home.locale)
        resource.save()
        return resource

    return make


def test_check_links_records_each_result_and_lists_the_broken(server, make_resource, capsys):
    resources = {
        name: make_resource(name, f"{server}/{name}")
        for name in ("ok", "no-head", "moved", "missing", "loop", "slow")
    }
    call_command("check_links", "--timeout", "0.5", "--workers", "2")
    out = capsys.readouterr().out
    results = {name: LinkCheck.objects.get(resource=r) for name, r in resources.items()}

    assert results["ok"].is_ok and results["ok"].status_code == 200
    assert results["no-head"].is_ok  # HEAD refused, GET answered
    assert results["moved"].is_ok and results["moved"].final_url == f"{server}/ok"
    assert not results["missing"].is_ok and results["missing"].status_code == 404
    assert not results["loop"].is_ok and results["loop"].error == "too many redirects"
    assert not results["slow"].is_ok and "no answer" in results["slow"].error
    assert all(result.checked_at for result in results.values())
    assert "6 links checked, 3 broken." in out
    assert f"{server}/missing: 404" in out


def test_the_admin_shows_a_broken_link(server, make_resource, admin_client):
    resource = make_resource("Gone", f"{server}/missing")
    call_command("check_links", "--timeout", "2")
    listing = admin_client.get("/admin/snippets/directory/resource/")
    assert "Broken link (404)" in listing.content.decode()
    report = admin_client.get("/admin/safeguards/content-checks/?rule=link")
    assert report.status_code == 200
    assert f"{server}/missing did not work" in report.content.decode()
    assert resource.title in report.content.decode()
