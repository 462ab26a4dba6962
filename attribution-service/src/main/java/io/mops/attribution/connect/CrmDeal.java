package io.mops.attribution.connect;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A won deal as a CRM export holds it.
 *
 * @param customer the contact (or lead) id, or an email hash; {@code null} when the row names none
 * @param clickId  the Google click id the deal came from; {@code null} when the row has none
 */
record CrmDeal(String id, LocalDate closeDate, BigDecimal amount, String currency, String customer, String clickId) {
}
