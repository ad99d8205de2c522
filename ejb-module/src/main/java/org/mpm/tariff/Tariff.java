package org.mpm.tariff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.AdditionalCriteria;
import org.mpm.common.SoftDeletable;

/** An energy tariff: price per kWh, currency and minimum purchase (tenant {@code tariffs}; soft-deleted). */
@Entity
@Table(name = "tariffs")
@AdditionalCriteria("this.deletedAt IS NULL")
public class Tariff extends SoftDeletable {

  /** The morph alias of tariffs in {@code tariff_pricing_components.owner_type}. */
  public static final String MORPH = "tariff";

  /** The factor of a meter tariff. */
  public static final int DEFAULT_FACTOR = 1;

  /** The factor of a solar home system tariff. */
  public static final int SHS_FACTOR = 2;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private double price;

  @Column(nullable = false)
  private String currency;

  private Integer factor;

  @Column(name = "minimum_purchase_amount", nullable = false)
  private double minimumPurchaseAmount;

  protected Tariff() {}

  public Tariff(String name, double price, String currency) {
    this.name = name;
    this.price = price;
    this.currency = currency;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public double getPrice() {
    return price;
  }

  public void setPrice(double price) {
    this.price = price;
  }

  public String getCurrency() {
    return currency;
  }

  public void setCurrency(String currency) {
    this.currency = currency;
  }

  public Integer getFactor() {
    return factor;
  }

  public void setFactor(Integer factor) {
    this.factor = factor;
  }

  public double getMinimumPurchaseAmount() {
    return minimumPurchaseAmount;
  }

  public void setMinimumPurchaseAmount(double minimumPurchaseAmount) {
    this.minimumPurchaseAmount = minimumPurchaseAmount;
  }
}
