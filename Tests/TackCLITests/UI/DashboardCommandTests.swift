import TackTestSupport
import Testing

/// `tack ui` where it cannot draw.
@Suite struct DashboardCommandTests {
  @Test func withoutATerminalItSaysWhatToUseInstead() async {
    let result = await InProcessTack.run(["ui"])
    #expect(result.exitCode == 1, "\(result)")
    #expect(result.stdout.isEmpty)
    #expect(result.stderr == "✗ tack ui needs a terminal on stdin and stdout; for a live table use `tack get <kind> --watch`\n")
  }
}
