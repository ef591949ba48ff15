#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import TackJSON

/// `<path>/<namespace>/kustomization.yaml`, which bootstrap writes only when absent: a kustomize
/// Kustomization listing the manifests found in that directory, as flux's generator does. An
/// existing file is the user's place for patches and is never rewritten.
public enum KustomizationFile {
  public static let fileName = "kustomization.yaml"
  /// Names kustomize recognises; any of them counts as "present".
  public static let recognizedNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"]

  /// The text for `resources` (relative names, in order), as sigs.k8s.io/yaml writes it.
  public static func content(resources: [String]) -> String {
    var text = "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"
    if resources.isEmpty { return text }
    text += "resources:\n"
    for resource in resources {
      let quoted = JSON.string(resource).yaml(.ordered)
      text += "- \(quoted)"
    }
    return text
  }

  /// The name of the kustomization file in `directory`, if there is one.
  public static func existing(in directory: String) -> String? {
    recognizedNames.first { FileManager.default.fileExists(atPath: directory + "/" + $0) }
  }

  /// What flux's scan lists for `directory`: files holding Kubernetes objects, and subdirectories
  /// holding their own kustomization (not descended into); other subdirectories are walked. Names
  /// come in Go's `filepath.Walk` order (byte order within each directory, depth first).
  /// `knownManifests` are files of `directory` known to hold objects (those bootstrap writes), listed
  /// whether or not they exist yet and not parsed again. Symbolic links are skipped.
  public static func scan(_ directory: String, knownManifests: Set<String> = []) -> [String] {
    var result: [String] = []
    walk(directory, prefix: "", knownManifests: knownManifests, into: &result)
    return result
  }

  static func walk(_ directory: String, prefix: String, knownManifests: Set<String>, into result: inout [String]) {
    let files = FileManager.default
    var names = Set((try? files.contentsOfDirectory(atPath: directory)) ?? [])
    if prefix.isEmpty { names.formUnion(knownManifests) }
    for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
      let path = directory + "/" + name
      if prefix.isEmpty, knownManifests.contains(name) {
        result.append(name)
        continue
      }
      // The directory is a clone of someone's repository: a link could lead outside it (its
      // names would end up in the committed kustomization.yaml) or back up the tree (endless
      // recursion). Go's filepath.Walk does not descend into links either; tack skips them all.
      if LocalPath.isSymbolicLink(path) { continue }
      if LocalPath.isDirectory(path) {
        if name == ".git" { continue }
        if existing(in: path) != nil {
          result.append(prefix + name)
        } else {
          walk(path, prefix: prefix + name + "/", knownManifests: [], into: &result)
        }
      } else if LocalPath.isFile(path), let data = files.contents(atPath: path), holdsObjects(String(decoding: data, as: UTF8.self)) {
        result.append(prefix + name)
      }
    }
  }

  /// True when the text parses as YAML holding Kubernetes objects (what kustomize would accept).
  static func holdsObjects(_ text: String) -> Bool {
    guard let documents = try? JSON.parseYAMLDocuments(text), !documents.isEmpty else { return false }
    return documents.allSatisfy { document in
      document["apiVersion"]?.stringValue?.isEmpty == false && document["kind"]?.stringValue?.isEmpty == false
    }
  }
}
