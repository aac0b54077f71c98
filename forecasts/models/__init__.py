"""Forecasting models behind one interface, and the registry that names them."""

from forecasts.models.base import Forecaster, available, get_model, register

__all__ = ["Forecaster", "available", "get_model", "register"]
