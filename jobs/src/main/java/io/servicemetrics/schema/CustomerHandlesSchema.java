package io.servicemetrics.schema;

import static io.servicemetrics.schema.Fields.required;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/** The CRM identity map: the landing contract and silver/customer_handles. */
public final class CustomerHandlesSchema {
  public static final String CUSTOMER_ID = "customer_id";
  public static final String PLATFORM = "platform";
  public static final String HANDLE = "handle";

  /** Silver only: pseudonym of customer_id, i.e. the customer_key it stands for. */
  public static final String CUSTOMER_KEY = "customer_key";
  /** Silver only: pseudonym of the normalized handle, phone or e-mail. */
  public static final String HANDLE_PSEUDONYM = "handle_pseudonym";

  public static final String PLATFORM_PHONE = "phone";
  public static final String PLATFORM_EMAIL = "email";

  public static final List<String> LANDING_COLUMNS = List.of(CUSTOMER_ID, PLATFORM, HANDLE);
  public static final List<String> REQUIRED_LANDING_COLUMNS = LANDING_COLUMNS;

  public static final StructType SILVER = Fields.struct(
      List.of(
          required(CUSTOMER_KEY, StringType),
          required(PLATFORM, StringType),
          required(HANDLE_PSEUDONYM, StringType)),
      Provenance.FIELDS);

  private CustomerHandlesSchema() {}
}
