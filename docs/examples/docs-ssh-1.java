// docs/ssh.md: running a program on a Linux node over SSH. Compiled.
import dev.cau.api.capability.ProgramRequest;
import dev.cau.api.capability.ProgramResult;
import dev.cau.api.OperationContext;
import dev.cau.transport.ssh.SshProgramRunner;
import dev.cau.transport.ssh.SshTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

class SshTransportExample {
  void simulateUpgrade(String passphrase, OperationContext context) {
    // @example
  }
}
