"""Pages stored again before their URL was finished: two URLs that redirect to one page,
and a page fetched again while a killed crawl's copy waits to be cleaned.

Real parts only: a local server, the installed ``crawl`` command, a real SQLite file.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.localsite import query, run_crawl, write_config
from tests.test_crawl_waits import PAGE, serve_sitemap

# A page with no article, slow enough to clean that the second URL is fetched meanwhile.
NO_ARTICLE = ("<html><head><title>Moved</title></head><body><ul>"
              + "".join(f'<li><a href="/x{n}">x{n}</a></li>' for n in range(3000))
              + "</ul></body></html>")


def redirect_to(server: HTTPServer, path: str) -> None:
    server.expect_request(path).respond_with_response(
        Response(status=302, headers={"Location": server.url_for("/final.html")}))


def test_two_urls_redirecting_to_one_page_the_first_empty_store_the_second(
        httpserver: HTTPServer, tmp_path: Path) -> None:
    answers = itertools.chain([NO_ARTICLE], itertools.repeat(PAGE.format(n=1)))

    def final(_request: Request) -> Response:
        return Response(next(answers), content_type="text/html")

    httpserver.expect_request("/final.html").respond_with_handler(final)
    redirect_to(httpserver, "/a.html")
    redirect_to(httpserver, "/b.html")
    config = write_config(tmp_path, [{"name": "moved", "sitemaps": [
        serve_sitemap(httpserver, ["/a.html", "/b.html"])]}])
    result = run_crawl(config, "run", "--format", "json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout.splitlines()[-1])
    assert summary["errors"] == {} and summary["new"] == 1 and summary["empty"] == 1, summary
    assert "Traceback" not in result.stderr, result.stderr
    db = tmp_path / "news.db"
    assert query(db, "SELECT url FROM articles") == [(httpserver.url_for("/final.html"),)]
    assert query(db, "SELECT state, count(*) FROM urls GROUP BY state") == [("done", 2)]
    (page_id,) = query(db, "SELECT page_id FROM articles")[0]
    assert query(db, "SELECT id FROM raw_pages") == [(page_id,)]

