package org.mpm.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.mpm.common.Timestamped;

/**
 * A file kept for a person (tenant {@code person_documents}): an identity record taken at registration or a
 * document uploaded later ({@code customer_upload}); the file itself lives in the storage under
 * {@code location/name}.
 */
@Entity
@Table(name = "person_documents")
public class PersonDocument extends Timestamped {

  public static final String CUSTOMER_UPLOAD = "customer_upload";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "person_id", nullable = false)
  private long personId;

  @Column(nullable = false)
  private String category;

  @Column(nullable = false)
  private String type;

  @Column(nullable = false)
  private String name;

  @Column(name = "original_name")
  private String originalName;

  @Column(name = "mime_type")
  private String mimeType;

  @Column(name = "file_size")
  private Long fileSize;

  private String location;

  protected PersonDocument() {}

  public PersonDocument(long personId, String category, String type, String name, String location) {
    this.personId = personId;
    this.category = category;
    this.type = type;
    this.name = name;
    this.location = location;
  }

  public Long getId() {
    return id;
  }

  public long getPersonId() {
    return personId;
  }

  public String getCategory() {
    return category;
  }

  public String getType() {
    return type;
  }

  public String getName() {
    return name;
  }

  public String getOriginalName() {
    return originalName;
  }

  public void setOriginalName(String originalName) {
    this.originalName = originalName;
  }

  public String getMimeType() {
    return mimeType;
  }

  public void setMimeType(String mimeType) {
    this.mimeType = mimeType;
  }

  public Long getFileSize() {
    return fileSize;
  }

  public void setFileSize(Long fileSize) {
    this.fileSize = fileSize;
  }

  public String getLocation() {
    return location;
  }
}
