"""Employees endpoints (being written)."""

from fastapi import APIRouter

from services.api.errors import ERROR_RESPONSES

router = APIRouter(prefix="/employees", tags=["employees"], responses=ERROR_RESPONSES)
