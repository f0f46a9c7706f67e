"""The web app: the dossier's views as pages, a JSON API under /api, token-guarded writes.

Reading needs nothing; writing (add an article, rename or merge a measure) needs the token as
`Authorization: Bearer TOKEN` or a `token` form field. No page or API call sends more than
`MAX_LIMIT` rows.
"""

from __future__ import annotations

import secrets
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import (
    APIRouter,
    FastAPI,
    File,
    Form,
    Header,
    HTTPException,
    Query,
    Request,
    UploadFile,
)
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import PackageLoader
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool
from starlette.middleware.trustedhost import TrustedHostMiddleware

from claimledger.api import Ledger
from claimledger.model import IngestSummary
from claimledger.reconcile import claims_view
from claimledger.report import readmodel as rm
from claimledger.report.highlight import article_highlights, highlight
from claimledger.report.html import app_link, make_env, stylesheet
from claimledger.report.timeline import timeline
from claimledger.web.edits import EditError, add_article, edit_measure

CSP = ("default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' "
       "data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'")
PAGE = 50

Limit = Annotated[int, Query(ge=1, le=rm.MAX_LIMIT, description="rows per page, at most 500")]
Offset = Annotated[int, Query(ge=0)]


class ArticleIn(BaseModel):
    """An article pasted through the API."""

    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published_at: str | None = None


class MeasureMove(BaseModel):
    """Rename a measure (`target` is the label to show) or merge it into measure `target`."""

    target: str


def generate_token() -> str:
    """A fresh write token for a server started without CLAIMLEDGER_TOKEN."""
    return secrets.token_urlsafe(24)


def create_app(store_url: str, token: str, hosts: list[str] | None = None) -> FastAPI:
    """The app over one store; `token` guards every write; `hosts`, when given, are the only
    Host headers served (a local app answers no page that rebinds a name to 127.0.0.1)."""
    ledger = Ledger(store_url)
    store = ledger.store
    env = make_env(app_link, (PackageLoader("claimledger.web", "templates"),))
    app = FastAPI(
        title="claimledger",
        description="Who said what, which numbers, who agrees: the dossier as JSON.",
        openapi_url="/api/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.ledger = ledger
    if hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=hosts)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    def page(request: Request, template: str, status: int = 200, **ctx: Any) -> HTMLResponse:
        html = env.get_template(template).render(request=request, path=request.url.path, **ctx)
        return HTMLResponse(html, status_code=status)

    def authorize(authorization: str | None, form_token: str | None) -> None:
        """401 without a token, 403 with the wrong one."""
        given = form_token
        if authorization and authorization.lower().startswith("bearer "):
            given = authorization[7:].strip()
        if not given:
            raise HTTPException(401, "writing needs the token", {"WWW-Authenticate": "Bearer"})
        if not secrets.compare_digest(given.encode(), token.encode()):
            raise HTTPException(403, "wrong token")

    def filters(q: str | None = None, speaker: str | None = None, outlet: str | None = None,
                measure: str | None = None, stance: str | None = None,
                date_from: str | None = None, date_to: str | None = None) -> rm.Filters:
        return rm.Filters(q=q, speaker=speaker, outlet=outlet, measure=measure, stance=stance,
                          date_from=date_from, date_to=date_to)

    def one_article(article_id: str) -> dict[str, Any]:
        found = rm.article(store, article_id)
        if found is None:
            raise HTTPException(404, "no such article")
        return found

    # --- pages ---------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request) -> HTMLResponse:
        headline = rm.measures(store, False, 6, headline=True)
        top = [rm.measure(store, m.key, rm.MAX_LIMIT) for m in headline]
        return page(request, "home.html", ov=rm.overview(store), measures=[m for m in top if m],
                    speakers=rm.speakers(store, 12).items,
                    denials=rm.statements(store, rm.Filters(stance="deny"), 10))

    @app.get("/statements", response_class=HTMLResponse, include_in_schema=False)
    def statements_page(request: Request, limit: int = PAGE, offset: int = 0,
                        q: str | None = None, speaker: str | None = None,
                        outlet: str | None = None, stance: str | None = None,
                        date_from: str | None = None, date_to: str | None = None) -> HTMLResponse:
        f = filters(q, speaker, outlet, None, stance, date_from, date_to)
        found = rm.statements(store, f, limit, offset, grouped=True)
        return page(request, "statements.html", f=f, page=found,
                    outlets=rm.overview(store)["outlets"])

    @app.get("/quantities", response_class=HTMLResponse, include_in_schema=False)
    def quantities_page(request: Request, limit: int = PAGE, offset: int = 0,
                        q: str | None = None, speaker: str | None = None,
                        outlet: str | None = None, measure: str | None = None,
                        date_from: str | None = None, date_to: str | None = None) -> HTMLResponse:
        f = filters(q, speaker, outlet, measure, None, date_from, date_to)
        return page(request, "quantities.html", f=f, page=rm.quantities(store, f, limit, offset),
                    outlets=rm.overview(store)["outlets"],
                    measures=rm.measures(store, False, rm.MAX_LIMIT))

    @app.get("/measures", response_class=HTMLResponse, include_in_schema=False)
    def measures_page(request: Request, limit: int = PAGE, offset: int = 0) -> HTMLResponse:
        found = rm.measures(store, False, limit, offset)
        return page(request, "measures.html", measures=found, offset=offset,
                    limit=rm.clamp(limit))

    @app.get("/measures/{key:path}", response_class=HTMLResponse, include_in_schema=False)
    def measure_page(request: Request, key: str, limit: int = rm.MAX_LIMIT,
                     offset: int = 0, error: str | None = None) -> HTMLResponse:
        m = rm.measure(store, key, limit, offset)
        if m is None:
            raise HTTPException(404, "no such measure")
        others = [x for x in rm.measures(store, False, rm.MAX_LIMIT) if x.key != key]
        return page(request, "measure.html", m=m, others=others, error=error,
                    page=rm.Page(m.figures, m.n_figures, rm.clamp(limit), offset))

    @app.post("/measures/{key:path}/rename", include_in_schema=False)
    def rename_form(request: Request, key: str, target: Annotated[str, Form()],
                    token: Annotated[str | None, Form()] = None,
                    authorization: Annotated[str | None, Header()] = None) -> Response:
        return _move_by_form(request, key, target, token, authorization, merge=False)

    @app.post("/measures/{key:path}/merge", include_in_schema=False)
    def merge_form(request: Request, key: str, target: Annotated[str, Form()],
                   token: Annotated[str | None, Form()] = None,
                   authorization: Annotated[str | None, Header()] = None) -> Response:
        return _move_by_form(request, key, target, token, authorization, merge=True)

    def _move_by_form(request: Request, key: str, target: str, token_field: str | None,
                      authorization: str | None, merge: bool) -> Response:
        try:
            authorize(authorization, token_field)
        except HTTPException as exc:  # the form again, the reason on it, not a JSON body
            shown = measure_page(request, key, error=f"{exc.detail}: paste it in the token field")
            shown.status_code = exc.status_code
            return shown
        try:
            edit_measure(store, key, target, merge)
        except EditError as exc:
            return RedirectResponse(f"{app_link('m', key)}?{urlencode({'error': str(exc)})}", 303)
        return RedirectResponse(app_link("m", target.strip() if merge else key), 303)

    @app.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
    def timeline_page(request: Request, limit: int = PAGE, offset: int = 0,
                      q: str | None = None, outlet: str | None = None,
                      date_from: str | None = None, date_to: str | None = None) -> HTMLResponse:
        f = filters(q, None, outlet, None, None, date_from, date_to)
        return page(request, "timeline.html", f=f, page=timeline(store, f, limit, offset),
                    outlets=rm.overview(store)["outlets"])

    @app.get("/articles", response_class=HTMLResponse, include_in_schema=False)
    def articles_page(request: Request, limit: int = PAGE, offset: int = 0,
                      q: str | None = None, outlet: str | None = None,
                      date_from: str | None = None, date_to: str | None = None) -> HTMLResponse:
        f = filters(q, None, outlet, None, None, date_from, date_to)
        return page(request, "articles.html", f=f, page=rm.articles(store, f, limit, offset),
                    outlets=rm.overview(store)["outlets"])

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str) -> HTMLResponse:
        a = one_article(article_id)
        body = highlight(a["text"], article_highlights(a))
        return page(request, "article.html", a=a, body=body)

    @app.get("/add", response_class=HTMLResponse, include_in_schema=False)
    def add_page(request: Request) -> HTMLResponse:
        return page(request, "add.html")

    @app.post("/add", response_class=HTMLResponse, include_in_schema=False)
    async def add_form(
        request: Request,
        file: Annotated[UploadFile | None, File()] = None,
        text: Annotated[str | None, Form()] = None,
        title: Annotated[str | None, Form()] = None,
        outlet: Annotated[str | None, Form()] = None,
        url: Annotated[str | None, Form()] = None,
        published_at: Annotated[str | None, Form()] = None,
        token: Annotated[str | None, Form()] = None,
        authorization: Annotated[str | None, Header()] = None,
    ) -> Response:
        meta = {"title": title, "outlet": outlet, "url": url, "published_at": published_at}
        try:
            authorize(authorization, token)
        except HTTPException as exc:
            return page(request, "add.html", exc.status_code, error=exc.detail, meta=meta,
                        text=text)
        data, name = await _upload(file, ledger.settings.max_bytes)
        if data is None:
            data, name = (text or "").encode("utf-8"), "pasted.txt"
        summary = await run_in_threadpool(add_article, ledger, data, name, meta)
        if summary.ingested or summary.unchanged:
            article_id = (summary.ingested or summary.unchanged)[0]
            return RedirectResponse(app_link("a", article_id), 303)
        reason = "; ".join(str(f) for f in summary.failed) or "nothing to add"
        return page(request, "add.html", 422, error=reason, meta=meta, text=text)

    @app.get("/static/dossier.css", include_in_schema=False)
    def css() -> Response:
        return Response(stylesheet(), media_type="text/css",
                        headers={"Cache-Control": "max-age=300"})

    # --- JSON API --------------------------------------------------------------------

    api = APIRouter(prefix="/api", tags=["dossier"])

    @api.get("/overview", summary="Story at a glance")
    def api_overview() -> dict[str, Any]:
        return rm.overview(store)

    @api.get("/articles", summary="Articles (without text)")
    def api_articles(limit: Limit = PAGE, offset: Offset = 0, q: str | None = None,
                     outlet: str | None = None, date_from: str | None = None,
                     date_to: str | None = None) -> dict[str, Any]:
        f = filters(q, None, outlet, None, None, date_from, date_to)
        return rm.articles(store, f, limit, offset).to_json()

    @api.get("/articles/{article_id}", summary="One article with text and extracted items")
    def api_article(article_id: str) -> dict[str, Any]:
        return one_article(article_id)

    @api.get("/statements", summary="Who said what")
    def api_statements(limit: Limit = PAGE, offset: Offset = 0, q: str | None = None,
                       speaker: str | None = None, outlet: str | None = None,
                       stance: str | None = None, date_from: str | None = None,
                       date_to: str | None = None) -> dict[str, Any]:
        f = filters(q, speaker, outlet, None, stance, date_from, date_to)
        return rm.statements(store, f, limit, offset).to_json()

    @api.get("/speakers", summary="Speakers by number of statements")
    def api_speakers(limit: Limit = PAGE, offset: Offset = 0) -> dict[str, Any]:
        return rm.speakers(store, limit, offset).to_json()

    @api.get("/quantities", summary="Figures with claimant and measure")
    def api_quantities(limit: Limit = PAGE, offset: Offset = 0, q: str | None = None,
                       speaker: str | None = None, outlet: str | None = None,
                       measure: str | None = None, stance: str | None = None,
                       date_from: str | None = None, date_to: str | None = None) -> dict[str, Any]:
        f = filters(q, speaker, outlet, measure, stance, date_from, date_to)
        return rm.quantities(store, f, limit, offset).to_json()

    @api.get("/measures", summary="Measures by number of figures")
    def api_measures(limit: Limit = PAGE, offset: Offset = 0) -> dict[str, Any]:
        found = rm.measures(store, False, limit, offset)
        return {"limit": limit, "offset": offset, "items": [m.to_json() for m in found]}

    @api.get("/measures/{key:path}", summary="One measure with a page of its figures")
    def api_measure(key: str, limit: Limit = PAGE, offset: Offset = 0) -> dict[str, Any]:
        m = rm.measure(store, key, limit, offset)
        if m is None:
            raise HTTPException(404, "no such measure")
        return {**m.to_json(), "limit": limit, "offset": offset}

    @api.get("/claims", summary="Claims across sources, with member ids")
    def api_claims(kind: str | None = None, limit: Limit = PAGE,
                   offset: Offset = 0) -> dict[str, Any]:
        total = rm.claim_count(store, kind)
        rows = claims_view(store, kind, evidence=False, limit=limit, offset=offset)
        return rm.Page(rows, total, limit, offset).to_json()

    @api.get("/timeline", summary="Dated events in order")
    def api_timeline(limit: Limit = PAGE, offset: Offset = 0, q: str | None = None,
                     outlet: str | None = None, date_from: str | None = None,
                     date_to: str | None = None) -> dict[str, Any]:
        f = filters(q, None, outlet, None, None, date_from, date_to)
        return timeline(store, f, limit, offset).to_json()

    @api.post("/articles", summary="Add an article (needs the token)", status_code=201)
    def api_add(body: ArticleIn, response: Response,
                authorization: Annotated[str | None, Header()] = None) -> dict[str, Any]:
        authorize(authorization, None)
        meta = body.model_dump(exclude={"text"})
        summary = add_article(ledger, body.text.encode("utf-8"), "pasted.txt", meta)
        if summary.failed:
            raise HTTPException(422, "; ".join(str(f) for f in summary.failed))
        if not summary.ingested:
            response.status_code = 200
        return _summary_json(summary)

    @api.post("/measures/{key:path}/rename", summary="Rename a measure (needs the token)")
    def api_rename(key: str, body: MeasureMove,
                   authorization: Annotated[str | None, Header()] = None) -> dict[str, Any]:
        return _api_move(key, body.target, authorization, merge=False)

    @api.post("/measures/{key:path}/merge", summary="Merge a measure into another (needs the token)")
    def api_merge(key: str, body: MeasureMove,
                  authorization: Annotated[str | None, Header()] = None) -> dict[str, Any]:
        return _api_move(key, body.target, authorization, merge=True)

    def _api_move(key: str, target: str, authorization: str | None, merge: bool) -> dict[str, Any]:
        authorize(authorization, None)
        try:
            moved = edit_measure(store, key, target, merge)
        except EditError as exc:
            raise HTTPException(409, str(exc)) from None
        return {"measure": target.strip() if merge else key, "moved": moved}

    app.include_router(api)
    return app


async def _upload(file: UploadFile | None, max_bytes: int) -> tuple[bytes | None, str | None]:
    """The uploaded bytes (read to one byte past the limit, so oversize is caught), or None."""
    if file is None or not file.filename:
        return None, None
    return await file.read(max_bytes + 1), file.filename


def _summary_json(summary: IngestSummary) -> dict[str, Any]:
    return {"ingested": summary.ingested, "unchanged": summary.unchanged,
            "failed": [str(f) for f in summary.failed]}
