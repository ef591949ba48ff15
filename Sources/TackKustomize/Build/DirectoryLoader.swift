/// Reads the files one kustomization names, relative to its directory, under kustomize's default
/// load restriction: a file must resolve (symlinks followed) inside that directory. Directories
/// (bases, components) may be anywhere, but never an ancestor of one being built.
struct DirectoryLoader {
  let fileSystem: any KustomizeFileSystem
  /// The directory of the kustomization, absolute.
  let directory: String
  /// The build root, for relative paths in messages.
  let buildRoot: String
  /// Directories being built above this one (outermost first), for cycle detection.
  let chain: [String]
  /// Files anywhere below this directory are allowed (false only for Flux-style builds).
  let restrictToRoot: Bool

  /// `path` as shown in messages: relative to the build root.
  func display(_ path: String) -> String {
    let relative = KustomizePath.relative(path, to: buildRoot)
    return relative
  }

  func resolve(_ relative: String) -> String { KustomizePath.join(directory, relative) }

  /// The bytes of a file named in this kustomization's `field`.
  func readFile(_ relative: String, field: String, kustomizationFile: String) throws(KustomizeError) -> [UInt8] {
    let path = resolve(relative)
    switch fileSystem.kind(at: path) {
    case nil:
      throw .missingPath(file: kustomizationFile, field: field, path: relative, reason: "no such file or directory")
    case .directory:
      throw .missingPath(file: kustomizationFile, field: field, path: relative, reason: "must resolve to a file, not a directory")
    case .file:
      break
    }
    try checkRestriction(path, relative: relative, kustomizationFile: kustomizationFile)
    do {
      return try fileSystem.contents(at: path)
    } catch {
      throw .missingPath(file: kustomizationFile, field: field, path: relative, reason: "\(error)")
    }
  }

  func checkRestriction(_ path: String, relative: String, kustomizationFile: String) throws(KustomizeError) {
    guard restrictToRoot else { return }
    let real = fileSystem.realPath(path)
    let root = fileSystem.realPath(directory)
    if !KustomizePath.isWithin(real, root) {
      throw .outsideRoot(file: kustomizationFile, path: display(path), root: display(directory))
    }
  }

  /// A loader for a base or component directory, refusing cycles.
  func child(_ relative: String, kustomizationFile: String) throws(KustomizeError) -> DirectoryLoader {
    let path = resolve(relative)
    if relative.hasPrefix("/") {
      throw .missingPath(file: kustomizationFile, field: "resources", path: relative, reason: "new root cannot be absolute")
    }
    for visited in chain + [directory] where KustomizePath.isWithin(visited, path) {
      throw .cycle(file: kustomizationFile, directory: display(path))
    }
    return DirectoryLoader(
      fileSystem: fileSystem, directory: path, buildRoot: buildRoot, chain: chain + [directory],
      restrictToRoot: restrictToRoot)
  }
}
