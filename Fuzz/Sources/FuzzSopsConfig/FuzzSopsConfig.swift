import FuzzSupport
import TackSecrets

// `.sops.yaml`: parsing never traps, and matching its creation rules against a few file names
// (their path_regex comes from the file) never traps either.
func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  guard let config = try? SopsConfig(parsing: text, path: "/repo/.sops.yaml", directory: "/repo") else { return 0 }
  for file in ["/repo/secret.yaml", "/repo/clusters/prod/app.enc.json", "/elsewhere/x", "/repo/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!"] {
    _ = try? config.rule(forFile: file)
  }
  return 0
}

@main enum Main {
  static func main() { FuzzDriver.run(fuzz) }
}
