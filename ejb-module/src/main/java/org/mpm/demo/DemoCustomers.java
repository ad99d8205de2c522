package org.mpm.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mpm.customer.PersonForm;
import org.mpm.customer.PersonService;
import org.mpm.customer.PersonView;
import org.mpm.geography.City;
import org.mpm.geography.GeographicalInformation;
import org.mpm.geography.GeographyService;

/**
 * MPM's demo customers: 50 per village (250), each with a primary address in its village and a location close to
 * the village's point. Names, phones and points are deterministic, so every fresh demo looks the same.
 */
final class DemoCustomers {

  static final int PER_VILLAGE = 50;

  private static final String[] FIRST = {"Amani", "Baraka", "Neema", "Zawadi", "Juma", "Rehema", "Halima", "Faraji",
      "Upendo", "Salim", "Asha", "Bakari", "Mwanaisha", "Hamisi", "Imani", "Khamis", "Latifa", "Mosi", "Nuru", "Omari"};
  private static final String[] LAST = {"Mushi", "Kweka", "Said", "Rashidi", "Mbwana", "Ali", "Hassan", "Makame",
      "Juma", "Mohamed", "Shaaban", "Omar", "Kombo", "Haji", "Suleiman"};

  private DemoCustomers() {}

  /** Creates the customers; returns them in creation (id) order. */
  static List<DemoDevices.Home> seed(PersonService people, GeographyService geography) {
    List<DemoDevices.Home> customers = new ArrayList<>();
    int n = 0;
    for (City village : geography.cities(null)) {
      double[] center = DemoGeography.pointOf(village.getName());
      List<PersonForm> forms = new ArrayList<>();
      for (int i = 0; i < PER_VILLAGE; i++, n++) {
        forms.add(new PersonForm(null, null, FIRST[n % FIRST.length], LAST[(n * 7 + 3) % LAST.length],
            LocalDate.of(1960 + n % 45, 1 + n % 12, 1 + n % 28), n % 2 == 0 ? "female" : "male", 1, 1, null, null,
            village.getId(), null, null, String.format("+2557%08d", 10_000_000 + n * 37), null));
      }
      List<PersonView> created = people.createAll(forms);
      Map<Long, String> locations = new LinkedHashMap<>();
      for (int i = 0; i < created.size(); i++) {
        double lat = center[0] + ((i % 7) - 3) * 0.0015;
        double lng = center[1] + ((i / 7) % 7 - 3) * 0.0015;
        locations.put(created.get(i).addresses().get(0).address().getId(), DemoGeography.point(lat, lng));
        customers.add(new DemoDevices.Home(created.get(i).person().getId(), lat, lng));
      }
      geography.setLocations(GeographicalInformation.ADDRESS, locations);
    }
    return customers;
  }
}
