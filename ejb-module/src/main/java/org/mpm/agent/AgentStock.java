package org.mpm.agent;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.mpm.appliance.ApplianceCatalog;
import org.mpm.appliance.ApplianceCatalog.Appliance;
import org.mpm.common.ByIds;
import org.mpm.common.ValidationException;
import org.mpm.device.Device;
import org.mpm.device.EBike;
import org.mpm.device.Manufacturer;
import org.mpm.device.Meter;
import org.mpm.device.SolarHomeSystem;
import org.mpm.tenancy.TenantDatabase;

/**
 * What an agent can hand out (MPM's AgentMeterController and AgentAvailableDeviceController): meters not in use,
 * and the solar home systems or e-bikes of an appliance assigned to the agent that no customer owns yet.
 */
@Stateless
public class AgentStock {

  @Inject TenantDatabase tenantDb;
  @Inject ApplianceCatalog catalog;

  /** A device nobody owns with the solar home system or e-bike behind it, its manufacturer and appliance. */
  public record FreeDevice(Device device, Object concrete, Manufacturer manufacturer, Appliance appliance) {}

  /** Meters not in use, by serial number, optionally of one manufacturer and meter type. */
  public List<Meter> availableMeters(Long manufacturerId, Long meterTypeId) {
    var q = em().createQuery("SELECT m FROM Meter m WHERE m.inUse = false"
        + (manufacturerId == null ? "" : " AND m.manufacturerId = :man")
        + (meterTypeId == null ? "" : " AND m.meterTypeId = :type") + " ORDER BY m.serialNumber", Meter.class);
    if (manufacturerId != null) {
      q.setParameter("man", manufacturerId);
    }
    if (meterTypeId != null) {
      q.setParameter("type", meterTypeId);
    }
    return q.getResultList();
  }

  /**
   * Devices of the appliance without owner, newest first; 422 when the appliance is not assigned to the agent.
   *
   * @param type {@code solar_home_system} or {@code e_bike}
   */
  public List<FreeDevice> unassigned(long agentId, long applianceId, String type) {
    if (em().createNativeQuery("SELECT id FROM agent_assigned_appliances WHERE agent_id = ? AND appliance_id = ?")
        .setParameter(1, agentId).setParameter(2, applianceId).setMaxResults(1).getResultList().isEmpty()) {
      throw ValidationException.field("appliance_id", "You are not assigned this appliance.");
    }
    boolean shs = SolarHomeSystem.MORPH.equals(type);
    List<Long> ids = em().createNativeQuery("SELECT d.id FROM devices d JOIN "
            + (shs ? "solar_home_systems" : "e_bikes") + " x ON x.id = d.device_id WHERE d.device_type = ?"
            + " AND d.person_id IS NULL AND x.appliance_id = ? ORDER BY d.created_at DESC, d.id DESC")
        .setParameter(1, type).setParameter(2, applianceId).getResultList().stream()
        .map(o -> ((Number) o).longValue()).toList();
    List<Device> devices = ByIds.inOrder(em(), Device.class, ids, Device::getId);
    List<Long> concreteIds = devices.stream().map(Device::getDeviceId).toList();
    Map<Long, ?> concrete = shs ? ByIds.map(em(), SolarHomeSystem.class, concreteIds, SolarHomeSystem::getId)
        : ByIds.map(em(), EBike.class, concreteIds, EBike::getId);
    List<Long> manufacturerIds = concrete.values().stream().map(c -> c instanceof SolarHomeSystem s
        ? s.getManufacturerId() : ((EBike) c).getManufacturerId()).distinct().toList();
    Map<Long, Manufacturer> manufacturers = ByIds.map(em(), Manufacturer.class, manufacturerIds, Manufacturer::getId);
    Appliance appliance = catalog.byIds(List.of(applianceId)).get(applianceId);
    return devices.stream().map(d -> {
      Object c = concrete.get(d.getDeviceId());
      Long man = c instanceof SolarHomeSystem s ? s.getManufacturerId() : c instanceof EBike e
          ? e.getManufacturerId() : null;
      return new FreeDevice(d, c, man == null ? null : manufacturers.get(man), appliance);
    }).toList();
  }

  private EntityManager em() {
    return tenantDb.em();
  }
}
