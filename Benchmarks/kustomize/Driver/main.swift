// Renders one kustomization directory like `kubectl kustomize DIR` (for Benchmarks/kustomize/run.sh,
// until the CLI has `tack kustomize`).
import TackKustomize

#if canImport(Glibc)
import Glibc
#endif

func write(_ text: String, to fd: Int32) {
  var bytes = Array(text.utf8)[...]
  while !bytes.isEmpty {
    let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
    if written <= 0 { return }
    bytes = bytes.dropFirst(written)
  }
}

let arguments = CommandLine.arguments
guard arguments.count == 2 else {
  write("usage: kustomize-bench DIR\n", to: 2)
  exit(64)
}
var root = arguments[1]
if !root.hasPrefix("/") {
  var buffer = [CChar](repeating: 0, count: 4096)
  if getcwd(&buffer, buffer.count) != nil {
    root = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) + "/" + root
  }
}
do {
  let engine = KustomizeEngine(fileSystem: DiskFileSystem())
  let result = try engine.run(root: root)
  for warning in result.warnings { write(warning + "\n", to: 2) }
  write(KustomizeEngine.render(result.resources), to: 1)
} catch {
  write("Error: \(error)\n", to: 2)
  exit(1)
}
