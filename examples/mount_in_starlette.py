"""careerbot inside your own Starlette app, under ``/careerbot`` (FastAPI: ``app.mount("/careerbot", ...)``).

The careerbot app keeps its own routes, limits and errors; the page calls the API by relative
URLs, so it works under any prefix. Run it to see requests go through the mounted app
(``python examples/mount_in_starlette.py --serve`` serves it on http://127.0.0.1:8001/ instead).
Needs ``pip install "careerbot[web]"``.
"""

from __future__ import annotations

import sys

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Mount, Route
from starlette.testclient import TestClient

from careerbot import CareerBot
from careerbot.ui.web import create_app


async def home(request: Request) -> JSONResponse:
    return JSONResponse({"app": "my existing app", "chat": "/careerbot/"})


def build() -> Starlette:
    bot = CareerBot()  # or CareerBot(sessions=SQLiteSessionStore(...)) to keep conversations
    return Starlette(routes=[
        Route("/", home),
        Mount("/careerbot", app=create_app(bot)),
    ])


def main() -> None:
    app = build()
    if "--serve" in sys.argv:
        import uvicorn

        uvicorn.run(app, host="127.0.0.1", port=8001)
        return
    with TestClient(app, base_url="http://127.0.0.1") as client:
        print("GET / ->", client.get("/").json()["app"])
        page = client.get("/careerbot/")
        print("GET /careerbot/ ->", page.status_code, page.headers["content-type"],
              "CSP" if "default-src 'none'" in page.headers["content-security-policy"] else "no CSP")
        for text in ("what does a data engineer do?", "and their tools?"):
            reply = client.post("/careerbot/ask", json={"text": text, "session_id": "mounted"}).json()
            print(f"POST /careerbot/ask {text!r} -> roles={','.join(reply['roles'])} topic={reply['topic']}")
        print("GET /careerbot/health ->", client.get("/careerbot/health").json())
        missing = client.get("/careerbot/nope")
        print("GET /careerbot/nope ->", missing.status_code, missing.json()["error"])
        wrong = client.post("/careerbot/ask", content=b'{"text": "hi"}', headers={"Content-Type": "text/plain"})
        print("text/plain POST ->", wrong.status_code)


if __name__ == "__main__":
    main()
