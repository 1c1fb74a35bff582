package dev.tokendoctor.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The collection between commands lowers the heap's free margin for itself only, and puts the flags back. */
class HeapTrimTest {

  @Test
  void theHeapsMarginsArePutBackAfterTheTrim() {
    HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    String min = vm.getVMOption("MinHeapFreeRatio").getValue();
    String max = vm.getVMOption("MaxHeapFreeRatio").getValue();
    assertThat(min).isNotEqualTo(Integer.toString(HeapTrim.IDLE_FREE_PERCENT));

    HeapTrim.trim();

    assertThat(vm.getVMOption("MinHeapFreeRatio").getValue()).isEqualTo(min);
    assertThat(vm.getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo(max);
  }
}
