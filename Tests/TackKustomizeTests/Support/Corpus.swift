import Foundation
import TackKustomize
import TackTestSupport

/// The kustomization trees under `Fixtures/corpus/<case>/`. A case builds its own directory, or the
/// subdirectory named in `build-root.txt`. Cases whose name starts with `e` must fail (in tack and
/// in kubectl); `u` cases are kustomize features tack refuses by name (kubectl builds them).
/// Success cases keep kubectl's output in `expected.yaml`, failures tack's message in
/// `expected-error.txt`; `TACK_RECORD=1` rewrites both (expected.yaml from kubectl).
enum Corpus {
  static let directory: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures/corpus").path

  static let caseNames: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted()
  }()

  static func root(of name: String) -> String {
    let caseDirectory = directory + "/" + name
    if let data = FileManager.default.contents(atPath: caseDirectory + "/build-root.txt") {
      let relative = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
      return caseDirectory + "/" + relative
    }
    return caseDirectory
  }

  static func expectsFailure(_ name: String) -> Bool { name.hasPrefix("e") || name.hasPrefix("u") }
  static func kubectlBuilds(_ name: String) -> Bool { !name.hasPrefix("e") }

  static func expectedOutputPath(_ name: String) -> String { directory + "/" + name + "/expected.yaml" }
  static func expectedErrorPath(_ name: String) -> String { directory + "/" + name + "/expected-error.txt" }

  /// Every file of the case, for building from memory.
  static func inMemoryFileSystem(_ name: String) throws -> InMemoryFileSystem {
    var fileSystem = InMemoryFileSystem()
    let base = directory + "/" + name
    guard let enumerator = FileManager.default.enumerator(atPath: base) else { return fileSystem }
    for case let relative as String in enumerator {
      let path = base + "/" + relative
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
      if isDirectory.boolValue {
        fileSystem.makeDirectory(path)
      } else if let data = FileManager.default.contents(atPath: path) {
        fileSystem.write(path, bytes: [UInt8](data))
      }
    }
    return fileSystem
  }
}
