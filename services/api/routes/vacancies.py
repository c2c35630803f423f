"""Vacancies endpoints (being written)."""

from fastapi import APIRouter

from services.api.errors import ERROR_RESPONSES

router = APIRouter(prefix="/vacancies", tags=["vacancies"], responses=ERROR_RESPONSES)
