"""Sign-in with OIDC access tokens (JWT) beside API tokens, with keys generated here."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from jwt.algorithms import ECAlgorithm, RSAAlgorithm

from schema.auth import SigningKeys
from server import create_app
from settings import Settings
from tests.factories import seed_users

ISSUER = "https://idp.example.com/"
AUDIENCE = "plangraph"
VIEWER = "{ viewer { email } }"


def _rsa() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


RSA_KEY = _rsa()
OTHER_RSA_KEY = _rsa()
EC_KEY = ec.generate_private_key(ec.SECP256R1())


def jwk(key: Any, kid: str, alg: str) -> dict[str, Any]:
    algorithm = RSAAlgorithm if alg.startswith(("RS", "PS")) else ECAlgorithm
    data: dict[str, Any] = algorithm.to_jwk(key.public_key(), as_dict=True)
    return {**data, "kid": kid, "alg": alg, "use": "sig"}


def write_jwks(path: Path, *keys: dict[str, Any]) -> None:
    path.write_text(json.dumps({"keys": list(keys)}))


def token(key: Any = RSA_KEY, kid: str = "rsa-1", alg: str = "RS256", **claims: Any) -> str:
    """A token for anna, valid for five minutes; a claim set to None is left out."""
    now = int(time.time())
    payload = {
        "iss": ISSUER,
        "aud": AUDIENCE,
        "email": "anna@example.com",
        "sub": "u-1",
        "iat": now,
        "exp": now + 300,
        **claims,
    }
    payload = {name: value for name, value in payload.items() if value is not None}
    return jwt.encode(payload, key, algorithm=alg, headers={"kid": kid})


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unsigned(header: dict[str, Any], payload: dict[str, Any]) -> str:
    return f"{b64(json.dumps(header).encode())}.{b64(json.dumps(payload).encode())}"


def claims(**overrides: Any) -> dict[str, Any]:
    now = int(time.time())
    return {
        "iss": ISSUER,
        "aud": AUDIENCE,
        "email": "anna@example.com",
        "iat": now,
        "exp": now + 300,
        **overrides,
    }


@dataclass
class Client:
    http: httpx.AsyncClient
    api_tokens: dict[str, str]

    async def post(self, bearer: str, query: str = VIEWER) -> httpx.Response:
        return await self.http.post(
            "/graphql", json={"query": query}, headers={"Authorization": f"Bearer {bearer}"}
        )

    async def email(self, bearer: str) -> str:
        response = await self.post(bearer)
        assert response.status_code == 200, response.text
        email: str = response.json()["data"]["viewer"]["email"]
        return email

    async def refused(self, bearer: str, message: str = "The token is not valid.") -> None:
        response = await self.post(bearer)
        assert response.status_code == 401, response.text
        body = response.json()
        assert "data" not in body
        assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
        assert body["errors"][0]["message"] == message
        assert bearer not in response.text
        assert response.headers["www-authenticate"] == 'Bearer error="invalid_token"'


@pytest.fixture
def jwks_path(tmp_path: Path) -> Path:
    path = tmp_path / "jwks.json"
    write_jwks(path, jwk(RSA_KEY, "rsa-1", "RS256"), jwk(EC_KEY, "ec-1", "ES256"))
    return path


@pytest.fixture
def make_client(database_url: str) -> Callable[..., Any]:
    """Builds the app with OIDC settings (overridable) and seeded users; disposes it after."""

    @asynccontextmanager
    async def make(**settings: Any) -> AsyncIterator[Client]:
        app = create_app(Settings(database_url=database_url, **settings))
        try:
            tokens = await seed_users(app.state.engine)
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
                yield Client(http, tokens)
        finally:
            await app.state.engine.dispose()

    return make


@pytest.fixture
async def client(make_client: Callable[..., Any], jwks_path: Path) -> AsyncIterator[Client]:
    settings = {"oidc_jwks": str(jwks_path), "oidc_issuer": ISSUER, "oidc_audience": AUDIENCE}
    async with make_client(**settings) as made:
        yield made


async def test_valid_rs256_token_signs_in_its_user(client: Client) -> None:
    assert await client.email(token()) == "anna@example.com"


async def test_es256_token(client: Client) -> None:
    assert await client.email(token(EC_KEY, kid="ec-1", alg="ES256")) == "anna@example.com"


async def test_email_claim_is_matched_case_insensitively(client: Client) -> None:
    assert await client.email(token(email="Ben@Example.COM")) == "ben@example.com"


async def test_audience_may_be_a_list(client: Client) -> None:
    assert await client.email(token(aud=["other-app", AUDIENCE])) == "anna@example.com"


async def test_expired_token_is_refused(client: Client) -> None:
    now = int(time.time())
    await client.refused(token(iat=now - 900, exp=now - 120), "The token is expired.")


async def test_expiry_within_the_leeway_is_accepted(client: Client) -> None:
    now = int(time.time())
    assert await client.email(token(iat=now - 900, exp=now - 30)) == "anna@example.com"


async def test_token_not_yet_valid_is_refused(client: Client) -> None:
    now = int(time.time())
    await client.refused(token(nbf=now + 600), "The token is not valid yet.")
    await client.refused(token(iat=now + 600), "The token is not valid yet.")
    assert await client.email(token(nbf=now + 30)) == "anna@example.com"


@pytest.mark.parametrize(
    "overrides",
    [
        {"iss": "https://evil.example.com/"},
        {"iss": None},
        {"aud": "other-app"},
        {"aud": None},
        {"exp": None},
    ],
    ids=["wrong-issuer", "no-issuer", "wrong-audience", "no-audience", "no-expiry"],
)
async def test_wrong_or_missing_registered_claims_are_refused(
    client: Client, overrides: dict[str, Any]
) -> None:
    await client.refused(token(**overrides))


async def test_tampered_payload_is_refused(client: Client) -> None:
    header, _, signature = token().split(".")
    forged = b64(json.dumps(claims(email="ada@example.com")).encode())
    await client.refused(f"{header}.{forged}.{signature}")
    original = token()
    head, payload, sig = original.split(".")
    flipped = payload[:10] + ("A" if payload[10] != "A" else "B") + payload[11:]
    await client.refused(f"{head}.{flipped}.{sig}")


async def test_token_signed_by_another_key_with_a_known_kid_is_refused(client: Client) -> None:
    await client.refused(token(OTHER_RSA_KEY, kid="rsa-1"))


async def test_unknown_kid_is_refused(client: Client) -> None:
    await client.refused(token(OTHER_RSA_KEY, kid="rsa-unknown"))


async def test_alg_none_is_refused(client: Client) -> None:
    await client.refused(unsigned({"alg": "none", "typ": "JWT", "kid": "rsa-1"}, claims()) + ".")


async def test_hs256_signed_with_the_public_key_is_refused(client: Client) -> None:
    """The algorithm confusion attack: HMAC keyed with the (public) RSA key text."""
    public_pem = RSA_KEY.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    signing_input = unsigned({"alg": "HS256", "typ": "JWT", "kid": "rsa-1"}, claims())
    mac = hmac.new(public_pem, signing_input.encode(), hashlib.sha256).digest()
    await client.refused(f"{signing_input}.{b64(mac)}")


async def test_rs256_key_does_not_verify_ps256_or_es256_headers(client: Client) -> None:
    await client.refused(token(alg="PS256"))
    await client.refused(token(EC_KEY, kid="rsa-1", alg="ES256"))


async def test_unknown_email_is_refused(client: Client) -> None:
    await client.refused(
        token(email="nobody@example.com"), "The token's e-mail belongs to no user."
    )


async def test_missing_or_unverified_email_is_refused(client: Client) -> None:
    await client.refused(token(email=None), "The token names no verified e-mail.")
    await client.refused(token(email_verified=False), "The token names no verified e-mail.")
    assert await client.email(token(email_verified=True)) == "anna@example.com"


async def test_garbage_that_looks_like_a_jwt_is_refused(client: Client) -> None:
    await client.refused("not.a.jwt")
    await client.refused("eyJhbGciOiJSUzI1NiJ9.e30.")


async def test_api_tokens_still_work_beside_jwts(client: Client) -> None:
    assert await client.email(client.api_tokens["rita"]) == "rita@example.com"
    await client.refused("pg_not-a-real-token")


async def test_jwts_are_refused_when_oidc_is_off(make_client: Callable[..., Any]) -> None:
    async with make_client() as client:
        await client.refused(token())
        assert await client.email(client.api_tokens["anna"]) == "anna@example.com"


async def test_oidc_without_issuer_or_audience_stays_off(
    make_client: Callable[..., Any], jwks_path: Path
) -> None:
    async with make_client(oidc_jwks=str(jwks_path), oidc_audience=AUDIENCE) as client:
        await client.refused(token())


async def test_rotated_key_is_loaded_on_an_unknown_kid(
    client: Client, jwks_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert await client.email(token()) == "anna@example.com"
    write_jwks(jwks_path, jwk(OTHER_RSA_KEY, "rsa-2", "RS256"))
    assert await client.email(token()) == "anna@example.com"  # cached: no reload yet
    await client.refused(token(OTHER_RSA_KEY, kid="rsa-2"))  # within the retry interval
    monkeypatch.setattr(SigningKeys, "RETRY_SECONDS", 0.0)
    assert await client.email(token(OTHER_RSA_KEY, kid="rsa-2")) == "anna@example.com"
    await client.refused(token())  # the old key is gone from the set


async def test_jwks_over_http(make_client: Callable[..., Any]) -> None:
    document = json.dumps({"keys": [jwk(RSA_KEY, "rsa-1", "RS256")]}).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.end_headers()
            self.wfile.write(document)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/jwks.json"
        settings = {"oidc_jwks": url, "oidc_issuer": ISSUER, "oidc_audience": AUDIENCE}
        async with make_client(**settings) as client:
            assert await client.email(token()) == "anna@example.com"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


async def test_a_plain_http_jwks_away_from_localhost_is_never_fetched(
    make_client: Callable[..., Any],
) -> None:
    # Refused before any connection is made: no traffic leaves the machine.
    url = "http://idp.invalid/jwks.json"
    settings = {"oidc_jwks": url, "oidc_issuer": ISSUER, "oidc_audience": AUDIENCE}
    async with make_client(**settings) as client:
        await client.refused(token())
