import FuzzSupport
import TackKube

// A kubeconfig file, as KUBECONFIG points at it: decoding never traps, whatever the YAML holds.
func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  guard let config = try? KubeConfig.parse(text, path: "fuzz.yaml") else { return 0 }
  _ = config.redactedJSON().serialized()
  return 0
}

@main enum Main {
  static func main() { FuzzDriver.run(fuzz) }
}
