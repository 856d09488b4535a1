<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>Reason</name>
    <message>
      <source>A monthly income above zero is required.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A score below {min} limits the grade to C.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A valid ID card is required.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Accident vehicles cannot be financed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>An online small loan can be at most {max} CNY; {amount} CNY was asked for.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>An online small loan can run at most {max} months; {months} months were asked for.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>An overdue of {days} days (more than {limit}) limits the grade to C.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Credit history length not given ({points} of 15 points, neutral).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Credit history of {years} years ({points} of 15 points).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Credit mix not given ({points} of 10 points, neutral).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Debt level: existing payments are {dti}% of income, card utilisation {utilisation}%, outstanding debt {debt} CNY ({points} of 30 points).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Declared income does not match the bank statements, which keeps the grade below A.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Declared income of {declared} CNY differs from the bank statement average of {statement} CNY by {diff}%.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Early settlement is possible after period 0 to {last} of this plan.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fees cannot be negative.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fire-damaged vehicles cannot be financed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Flood-damaged vehicles cannot be financed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Grade A: score {score} of 100, good credit and stable income.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Grade B: score {score} of 100, minor blemishes or fluctuating income.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Grade C: score {score} of 100, overdue records or weak income.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Grade C: suggest a higher down payment to lower the loan amount.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Grade C: suggest a shorter term to improve approval chances.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Implausible mileage: {km} km in {years} years is less than {limit} km a year; check for odometer tampering.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Implausible mileage: {km} km in {years} years is more than {limit} km a year.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Income proof covers {months} months; {required} months of payslips or bank statements are required.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Mainland mobile numbers start with 13 to 19; this one starts with {prefix}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Monthly debt payments would be {ratio}% of monthly income, above the {limit}% limit.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Monthly debt payments would be {ratio}% of monthly income, within the {limit}% limit.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Monthly income is missing or zero, so the debt-to-income ratio cannot be checked.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Monthly payments and debts cannot be negative.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Overdue payments in the last 24 months keep the grade below A.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Overriding the appraisal value needs a written reason.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Payment history: {count} overdue payments in 24 months, worst {days} days ({points} of 35 points).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Payments can step up every 1 to {max} months.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Please enter the ID card number.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Please enter the VIN (vehicle identification number).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Please enter the mobile number.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Possible odometer tampering: the maintenance record of {date} shows {km} km, fewer than the {earlier_km} km recorded on {earlier_date}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Possible odometer tampering: the odometer shows {km} km, fewer than the {record_km} km in the maintenance record of {record_date}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Proof of residence (property deed or lease) is required.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Proof of work (labour contract or business licence) is required.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Step-up settings only apply to the step-up method.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The APR cannot be negative (got {apr}%).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The APR of {apr}% is above the legal cap of {cap}%; this plan cannot be offered.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The APR of {apr}% is above {multiple} times the 1-year LPR ({limit}%); explain the cost carefully and get the manager's approval.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The APR of {apr}% is within the allowed limits.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The ID number does not pass the check on its last character; one of the characters was probably mistyped. Please compare it with the ID card.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The ID number gives {birth} as the birth date, which is not a possible date of birth. Please check characters 7 to 14 against the ID card.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The ID number has '{char}' at position {position}; it may only contain digits, with X allowed as the last character.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The ID number has {length} characters; a resident ID number has 18.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The VIN has '{char}' at position {position}; only digits and the letters A to Z (except I, O and Q) are allowed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The VIN has the letter {char} at position {position}; VINs never use I, O or Q. It is probably the digit {digit}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The VIN has {length} characters; a VIN has 17.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The VIN's check character (position 9) is {found}, but the other characters give {expected}; one of them was probably mistyped. Please compare it with the registration certificate.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The applicant is {age} on {on}; lenders accept ages {minimum} to {maximum}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The birth date {birth} is after {on}; please check the dates.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The customer is {age} years old on the application date; applicants must be between {min} and {max}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The declared age ({declared}) does not match the age on the ID ({actual}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The early-repayment fee cannot be negative.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The first registration date ({registered}) is after the appraisal date ({appraised}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The interest rate cannot be negative.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The loan amount must be greater than zero.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The maintenance record of {date} is dated after the appraisal date; check it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The market reference price must be greater than zero.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The mileage cannot be negative.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The mobile number contains '{char}'; only digits are allowed (spaces, dashes and +86 are fine).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The mobile number has {length} digits; a mainland mobile number has 11.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The override value cannot be negative.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The settlement date must be between {earliest} and {latest}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The step-up percentage cannot be negative.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The term must be between 1 and {max} months.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The text contains forbidden wording: {words}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The up-front fee must be less than the loan amount.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The vehicle has {km} km; the limit is {max} km.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The vehicle is {age} years old; the limit is {max} years.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The {what} depreciation rate of {rate}% must be between {min}% and {max}%.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{count} credit applications in the last 3 months ({points} of 10 points).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{count} credit applications in the last 3 months: ask why, lenders see this as a risk sign.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{kinds} kinds of credit accounts ({points} of 10 points).</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
