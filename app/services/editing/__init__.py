"""Changing the catalogue and who may: validated writes, the audit trail, admin keys."""
