package org.mpm.geography.rest;

import java.util.Map;
import org.mpm.customer.PersonView.DeviceView;
import org.mpm.customer.rest.PersonJson;
import org.mpm.device.rest.DeviceJson;
import org.mpm.geography.GridRevenueService.LocatedDevice;

/**
 * The Eloquent JSON of a mini-grid's devices as MPM loads them ({@code with(['device', 'geo',
 * 'person.addresses.city'])}): the device row, its meter / solar home system / e-bike, its location and its owner
 * with {@code is_active}, addresses (with village) and {@code latest_payment}.
 */
final class MiniGridDeviceJson {

  private MiniGridDeviceJson() {}

  static Map<String, Object> device(LocatedDevice v) {
    Map<String, Object> m = PersonJson.device(new DeviceView(v.device(), v.geo()), true);
    m.put("device", DeviceJson.concrete(v.hardware()));
    m.put("person", v.owner() == null ? null : PersonJson.person(v.owner()));
    return m;
  }
}
