"""Names of the store-wide settings as the owner reads them, their units and the tabs.

Shared by the Store settings dialog (:mod:`desktop.store_settings`), the guided
start and the set-up transfer dialog; the translations keep the "StoreSettings"
context of the dialog.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication

TR_CONTEXT = "StoreSettings"


def _t(text: str) -> str:
    return QCoreApplication.translate(TR_CONTEXT, text)


def setting_label(key: str) -> str:
    """The name of a setting as the owner reads it."""
    labels = {
        "store.name": _t("Store name"),
        "app.store.address": _t("Address"),
        "app.store.phone": _t("Phone"),
        "app.store.licence_no": _t("Business licence No."),
        "app.store.complaint_channel": _t("Complaint channel"),
        "app.store.logo": _t("Logo"),
        "app.catalogue.confirmed": _t("Catalogue confirmed"),
        "lending.lpr_1y_percent": _t("LPR, 1 year"),
        "lending.lpr_5y_percent": _t("LPR, 5 years and longer"),
        "lending.lpr_date": _t("LPR published on"),
        "lending.rate_warn_lpr_multiple": _t("Warn above (× 1-year LPR)"),
        "lending.apr_hard_cap_percent": _t("Refuse an APR above"),
        "lending.online_small_loan_max_amount": _t("Online small loans: at most"),
        "lending.online_small_loan_max_months": _t("Online small loans: longest term"),
        "lending.max_dti_percent": _t("Debt-to-income limit"),
        "lending.quote_valid_days": _t("A quote is valid for"),
        "lending.default_down_payment_percent": _t("Start the plan with a down payment of"),
        "lending.default_term_months": _t("Start the plan with a term of"),
        "lending.depreciation_per_year_percent": _t("Depreciation a year (new-car guide)"),
        "lending.depreciation_per_year_min_percent": _t("… lowest allowed"),
        "lending.depreciation_per_year_max_percent": _t("… highest allowed"),
        "lending.depreciation_per_mileage_step_percent": _t("Value change per mileage step"),
        "lending.depreciation_per_mileage_step_min_percent": _t("… lowest allowed"),
        "lending.depreciation_per_mileage_step_max_percent": _t("… highest allowed"),
        "lending.mileage_step_km": _t("Mileage step"),
        "lending.typical_km_per_year": _t("Typical mileage a year"),
        "lending.mileage_max_reduction_percent": _t("Mileage takes off at most"),
        "lending.mileage_max_increase_percent": _t("Low mileage adds at most"),
        "lending.condition_factor_excellent": _t("Condition factor: excellent"),
        "lending.condition_factor_good": _t("Condition factor: good"),
        "lending.condition_factor_fair": _t("Condition factor: fair"),
        "lending.condition_factor_poor": _t("Condition factor: poor"),
        "lending.reference_price_min": _t("Confirm a reference price below"),
        "lending.reference_price_max": _t("Confirm a reference price above"),
        "lending.deal_price_deviation_percent": _t("Confirm a deal price further off than"),
        "lending.override_approval_percent": _t("A manager approves overrides beyond"),
        "lending.vin_model_year_tolerance_years": _t("VIN model year may differ by"),
        "lending.max_vehicle_age_years": _t("Default oldest vehicle"),
        "lending.max_vehicle_mileage_km": _t("Default highest mileage"),
        "lending.odometer_max_km_per_year": _t("Implausible above (a year)"),
        "lending.odometer_min_km_per_year": _t("Implausible below (a year)"),
        "lending.odometer_min_check_after_years": _t("Low-mileage check from an age of"),
        "lending.min_customer_age": _t("Youngest customer"),
        "lending.max_customer_age": _t("Oldest customer"),
        "lending.cooling_off_hours": _t("Cooling-off period"),
        "lending.cooling_off_complex_product_days": _t("Cooling-off, complex products"),
        "lending.duplicate_application_window_days": _t("Look for duplicate applications over"),
        "lending.follow_up_high_intent_hours": _t("Call back a high-intent lead within"),
        "lending.follow_up_after_delivery_days": _t("Delivery follow-up call within"),
        "lending.follow_up_after_disbursement_days": _t("First visit after disbursement within"),
        "lending.forbidden_words": _t("Forbidden wording"),
        "onroad.vat_percent": _t("VAT in the invoice price"),
        "onroad.purchase_tax_percent": _t("Purchase tax"),
        "onroad.nev_tax_rules": _t("NEV purchase-tax relief"),
        "onroad.compulsory_insurance": _t("Compulsory insurance, family car"),
        "onroad.compulsory_insurance_large": _t("Compulsory insurance, larger car"),
        "onroad.large_car_seats": _t("A larger car has at least"),
        "onroad.vessel_tax_bands": _t("Vehicle and vessel tax a year"),
        "onroad.vessel_tax_above": _t("… above the largest displacement"),
        "onroad.default_displacement_litres": _t("Displacement when not given"),
        "onroad.default_seats": _t("Seats when not given"),
        "onroad.registration_fee": _t("Registration"),
        "onroad.gps_fee": _t("GPS installation"),
        "onroad.finance_service_fee": _t("Finance service fee"),
        "onroad.transfer_fee": _t("Title transfer fee (used cars)"),
        "onroad.financed_lines": _t("Financed by default"),
    }
    return labels.get(key, key)


def unit_label(unit: str) -> str:
    return {
        "%": "%",
        "CNY": _t("CNY"),
        "days": _t("days"),
        "hours": _t("hours"),
        "months": _t("months"),
        "km": _t("km"),
        "years": _t("years"),
        "×": _t("times"),
        "seats": _t("seats"),
        "L": _t("litres"),
    }.get(unit, unit)


def tab_groups() -> list[tuple[tuple[str, ...], str]]:
    """The dialog's tabs: the registry groups each shows, and its title."""
    return [
        (("store",), _t("Store")),
        (("rates",), _t("Rates and caps")),
        (("plans", "process"), _t("Plans and customers")),
        (("appraisal",), _t("Vehicle appraisal")),
        (("wording",), _t("Forbidden wording")),
        (("on_road",), _t("On-road costs")),
    ]


def _text_of(value: Any) -> str:
    if isinstance(value, Decimal):
        # as the owner typed it (3.00 stays 3.00, 50 stays 50), thousands grouped: 300,000
        return format(value, ",f")
    if value is None:
        return ""
    return str(value)
