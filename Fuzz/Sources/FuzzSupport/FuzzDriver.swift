import CLibFuzzer

#if canImport(Glibc)
  import Glibc
#endif

/// Hands the process to libFuzzer with `body` as the target, and exits with its status.
public enum FuzzDriver {
  public static func run(_ body: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    let status = LLVMFuzzerRunDriver(&argc, &argv, body)
    exit(status)
  }
}
