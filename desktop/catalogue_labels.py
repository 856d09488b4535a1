"""Energies, new/used and approval strictness as staff read them (editor and pages).

A module of its own so that the appraisal page can name the car's energy
without importing the owner's catalogue editor; the strings keep the
editor's translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from lending.onroad import Energy, VehicleKind
from lending.products import Strictness

TR_CONTEXT = "CatalogueEditor"


def _t(text: str) -> str:
    return QCoreApplication.translate(TR_CONTEXT, text)


def energy_label(energy: Energy) -> str:
    return {
        Energy.PETROL: _t("Petrol"),
        Energy.DIESEL: _t("Diesel"),
        Energy.HYBRID: _t("Hybrid (not plug-in)"),
        Energy.NEV: _t("New-energy (NEV)"),
    }[energy]


def vehicle_kind_label(kind: VehicleKind) -> str:
    return {VehicleKind.NEW: _t("New cars"), VehicleKind.USED: _t("Used cars")}[kind]


def strictness_label(strictness: Strictness) -> str:
    return {
        Strictness.STRICT: _t("Strict (bank)"),
        Strictness.MEDIUM: _t("Medium"),
        Strictness.LENIENT: _t("Lenient"),
    }[strictness]
