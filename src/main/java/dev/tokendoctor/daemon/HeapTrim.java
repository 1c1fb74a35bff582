package dev.tokendoctor.daemon;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * Gives back the memory a command left behind, between commands (issue 16: the daemon under 220 MiB resident
 * after the start-up benchmark). A full collection shrinks the heap to what is live plus a small margin, unloads
 * the classes of rule bases no longer kept, and the serial collector returns the rest to the system.
 *
 * <p>While commands run, the heap keeps a roomy 20 % free (the daemon's flags), since compiling an edited rules
 * folder allocates a lot and a tight heap collects again and again (measured: the first run after an edit of
 * the 101-file synthetic folder took 1.4 s instead of 1.0). Only for the collection between commands is the
 * margin lowered to {@value #IDLE_FREE_PERCENT} %, through the JVM's manageable flags, then put back.
 */
final class HeapTrim {
  static final int IDLE_FREE_PERCENT = 5;

  private HeapTrim() {}

  static void trim() {
    HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    String min = null;
    String max = null;
    try {
      if (vm != null) {
        min = vm.getVMOption("MinHeapFreeRatio").getValue();
        max = vm.getVMOption("MaxHeapFreeRatio").getValue();
        // lowered minimum first: the JVM refuses a maximum below the minimum
        vm.setVMOption("MinHeapFreeRatio", Integer.toString(IDLE_FREE_PERCENT));
        vm.setVMOption("MaxHeapFreeRatio", Integer.toString(IDLE_FREE_PERCENT));
      }
    } catch (RuntimeException e) {
      // not HotSpot, or the flags are not manageable here: the collection below still helps
    }
    System.gc();
    try {
      if (max != null) {
        vm.setVMOption("MaxHeapFreeRatio", max);
        vm.setVMOption("MinHeapFreeRatio", min);
      }
    } catch (RuntimeException e) {
      // left at the idle margin: the heap only grows a little more often
    }
  }
}
