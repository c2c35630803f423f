"""Organisations (a WISE's profile doubles as its public "digital window") and their accounts."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Path, Query, Response, status

from services.api.access import CurrentActor, authorizes
from services.api.dependencies import Conn
from services.api.errors import ERROR_RESPONSES
from services.core.access.policy import Role, can_edit_profile, can_manage_organisation
from services.core.accounts import repository, service
from services.core.accounts.models import (
    Account,
    AccountIn,
    ApiKey,
    Organisation,
    OrganisationIn,
)
from services.core.errors import NotFound

router = APIRouter(tags=["organisations"], responses=ERROR_RESPONSES)


@authorizes
async def any_organisation(
    organisation_id: Annotated[UUID, Path()], actor: CurrentActor, conn: Conn
) -> Organisation:
    """An organisation's public profile: every signed-in user may read it."""
    row = await repository.get_organisation(conn, organisation_id)
    if row is None:
        raise NotFound("No organisation has this id.")
    return Organisation.model_validate(row)


@authorizes
async def account_in_own_organisation(
    account_id: Annotated[UUID, Path()], actor: CurrentActor, conn: Conn
) -> Account:
    """An account of the admin's own organisation; 404 for any other."""
    can_manage_organisation(actor)
    row = await repository.account_by_id(conn, account_id)
    if row is None or row["organisation_id"] != actor.organisation_id:
        raise NotFound("No account of your organisation has this id.")
    return service.account_of(row)


@authorizes
async def member_api_key_id(
    key_id: Annotated[UUID, Path()],
    account: Annotated[Account, Depends(account_in_own_organisation)],
    conn: Conn,
) -> UUID:
    """The id of an API key of an account of the admin's own organisation; 404 for any other."""
    if key_id not in {k["id"] for k in await repository.api_keys(conn, account.id)}:
        raise NotFound("This account has no API key with this id.")
    return key_id


@router.get("/organisations/me", summary="Your organisation")
async def own_organisation(actor: CurrentActor, conn: Conn) -> Organisation:
    """The organisation of the signed-in account."""
    row = await repository.get_organisation(conn, actor.organisation_id)
    assert row is not None
    return Organisation.model_validate(row)


@router.put("/organisations/me", summary="Update your organisation's profile")
async def update_own_organisation(
    body: OrganisationIn, actor: CurrentActor, conn: Conn
) -> Organisation:
    """Name, what it does, its goods and services, how it supports people, website and
    postcode (admins and employers)."""
    can_edit_profile(actor)
    row = await repository.update_organisation(conn, actor.organisation_id, body.model_dump())
    return Organisation.model_validate(row)


@router.get("/organisations/{organisation_id:uuid}", summary="An organisation's public profile")
async def get_organisation(
    organisation: Annotated[Organisation, Depends(any_organisation)],
) -> Organisation:
    """What the organisation does and how it supports people."""
    return organisation


@router.get("/accounts", summary="Accounts of your organisation")
async def list_accounts(
    actor: CurrentActor, conn: Conn, role: Annotated[Role | None, Query()] = None
) -> list[Account]:
    """Admins see every account of their organisation."""
    can_manage_organisation(actor)
    rows = await repository.organisation_accounts(conn, actor.organisation_id, role)
    return [service.account_of(r) for r in rows]


@router.post("/accounts", status_code=status.HTTP_201_CREATED, summary="Create an account")
async def create_account(body: AccountIn, actor: CurrentActor, conn: Conn) -> Account:
    """A new account in your organisation (admins only)."""
    can_manage_organisation(actor)
    return await service.create_account(conn, actor.organisation_id, body)


@router.get("/accounts/{account_id:uuid}", summary="One account of your organisation")
async def get_account(account: Annotated[Account, Depends(account_in_own_organisation)]) -> Account:
    """An account of your organisation (admins only)."""
    return account


@router.get("/accounts/{account_id:uuid}/api-keys", summary="API keys of an account of yours")
async def list_member_api_keys(
    account: Annotated[Account, Depends(account_in_own_organisation)], conn: Conn
) -> list[ApiKey]:
    """The API keys of an account of your organisation, with when each expires and was last
    used (admins only; never the secrets)."""
    return await service.list_api_keys(conn, account.id)


@router.delete(
    "/accounts/{account_id:uuid}/api-keys/{key_id:uuid}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Revoke an API key of an account of yours",
)
async def revoke_member_api_key(
    account: Annotated[Account, Depends(account_in_own_organisation)],
    key_id: Annotated[UUID, Depends(member_api_key_id)],
    actor: CurrentActor,
    conn: Conn,
) -> Response:
    """The key stops working at once (admins only)."""
    by_owner = account.id == actor.account_id
    await service.revoke_api_key(conn, account.id, key_id, "owner" if by_owner else "admin")
    return Response(status_code=status.HTTP_204_NO_CONTENT)
