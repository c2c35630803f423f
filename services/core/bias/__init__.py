"""Bias monitoring: how suggestions and outcomes spread over groups that must not matter."""
