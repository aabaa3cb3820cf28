package io.servicemetrics.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.servicemetrics.errors.ExitCode;
import io.servicemetrics.errors.ServiceMetricsException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceLevelConfigTest {
  @Test
  void defaultsAreTheIndustryTargetsAndOverridesReplaceOneChannelEach() {
    assertEquals(20L, ServiceLevelConfig.DEFAULT.targetSeconds("phone"));
    assertEquals(60L, ServiceLevelConfig.DEFAULT.targetSeconds("chat"));
    assertEquals(3_600L, ServiceLevelConfig.DEFAULT.targetSeconds("social"));
    assertEquals(86_400L, ServiceLevelConfig.DEFAULT.targetSeconds("email"));
    assertEquals(5L, ServiceLevelConfig.DEFAULT.shortAbandonSeconds());
    ServiceLevelConfig c = ServiceLevelConfig.of(0, List.of("phone=30", "Email = 14400", "phone=25"));
    assertEquals(25L, c.targetSeconds("phone"), "the later repetition wins");
    assertEquals(14_400L, c.targetSeconds("email"));
    assertEquals(60L, c.targetSeconds("chat"), "untouched channels keep their default");
  }

  @Test
  void badTargetsExitTwoNamingTheValue() {
    for (String bad : List.of("phone", "fax=20", "phone=0", "phone=-5", "phone=20s", "phone=604801")) {
      ServiceMetricsException e = assertThrows(ServiceMetricsException.class,
          () -> ServiceLevelConfig.of(5, List.of(bad)), bad);
      assertEquals(ExitCode.BAD_INPUT, e.exitCode(), bad);
      assertTrue(e.getMessage().contains(bad), e.getMessage());
    }
    assertThrows(ServiceMetricsException.class, () -> ServiceLevelConfig.of(-1, List.of()));
  }
}
