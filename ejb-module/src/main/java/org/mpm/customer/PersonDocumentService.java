package org.mpm.customer;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.mpm.common.NotFoundException;
import org.mpm.common.ValidationException;
import org.mpm.storage.FileStorage;
import org.mpm.storage.FileStorage.Staged;
import org.mpm.tenancy.TenantDatabase;

/** Documents uploaded for a person: at most {@value #MAX_DOCUMENTS_PER_PERSON} per person, as in MPM. */
@Stateless
public class PersonDocumentService {

  public static final int MAX_DOCUMENTS_PER_PERSON = 3;
  static final String MODEL = "App\\Models\\PersonDocument";

  @Inject TenantDatabase tenantDb;
  @Inject FileStorage storage;

  private EntityManager em() {
    return tenantDb.em();
  }

  /** A file as received: its client name and type, and its bytes. */
  public record Upload(String originalName, String mimeType, Staged file) {}

  /** The person's uploaded documents, newest first. */
  public List<PersonDocument> list(long personId) {
    person(personId, false);
    return em().createQuery("SELECT d FROM PersonDocument d WHERE d.personId = :p AND d.category = :c"
            + " ORDER BY d.createdAt DESC, d.id DESC", PersonDocument.class)
        .setParameter("p", personId).setParameter("c", PersonDocument.CUSTOMER_UPLOAD).getResultList();
  }

  /** Stores the file and records it; the person's row is locked so that concurrent uploads respect the limit. */
  public PersonDocument upload(long personId, String type, Upload file) {
    person(personId, true);
    long count = em().createQuery("SELECT COUNT(d) FROM PersonDocument d WHERE d.personId = :p AND d.category = :c",
        Long.class).setParameter("p", personId).setParameter("c", PersonDocument.CUSTOMER_UPLOAD).getSingleResult();
    if (count >= MAX_DOCUMENTS_PER_PERSON) {
      throw ValidationException.field("file",
          "Maximum of " + MAX_DOCUMENTS_PER_PERSON + " documents reached for this customer.");
    }
    String directory = "documents/companies/" + tenantDb.companyId() + "/persons/" + personId;
    String name = UUID.randomUUID() + extension(file.originalName());
    storage.place(file.file(), directory, name);
    PersonDocument d = new PersonDocument(personId, PersonDocument.CUSTOMER_UPLOAD, type, name, directory);
    d.setOriginalName(file.originalName());
    d.setMimeType(file.mimeType());
    d.setFileSize(file.file().size());
    em().persist(d);
    em().flush();
    return d;
  }

  public PersonDocument find(long id) {
    PersonDocument d = em().find(PersonDocument.class, id);
    if (d == null) {
      throw NotFoundException.model(MODEL, id);
    }
    return d;
  }

  /** The stored file of a document; 404 when the file is gone. */
  public Path file(PersonDocument d) {
    Path p = storage.find(d.getLocation(), d.getName());
    if (p == null) {
      throw NotFoundException.model(MODEL, d.getId());
    }
    return p;
  }

  /** Removes the record now and the file once that has committed. */
  public void delete(long id) {
    PersonDocument d = find(id);
    em().remove(d);
    em().flush();
    storage.delete(d.getLocation(), d.getName());
  }

  private void person(long personId, boolean lock) {
    Person p = lock ? em().find(Person.class, personId, LockModeType.PESSIMISTIC_WRITE)
        : em().find(Person.class, personId);
    if (p == null) {
      throw NotFoundException.model(PersonService.MODEL, personId);
    }
  }

  private static String extension(String originalName) {
    int dot = originalName == null ? -1 : originalName.lastIndexOf('.');
    String ext = dot < 0 ? "" : originalName.substring(dot + 1).toLowerCase(Locale.ROOT);
    return ext.matches("[a-z0-9]{1,10}") ? "." + ext : "";
  }
}
