import Foundation
import Testing

@testable import Notebook

struct InstallLayoutTests {
    @Test func anInstalledBinaryLooksNextToItselfThenInLibNormbook() {
        let folders = InstallLayout.candidateFolders(executableFolder: URL(fileURLWithPath: "/opt/tools/bin"))
        #expect(folders.map(\.path) == ["/opt/tools/bin", "/opt/tools/lib/normbook"])
        #expect(InstallLayout.candidateFolders(executableFolder: nil).isEmpty)
    }

    @Test func missingTemplatesAreAnErrorThatSaysWhereItLooked() {
        #expect {
            try InstallLayout.templatesFolder(executableFolder: URL(fileURLWithPath: "/nonexistent/bin"))
        } throws: { error in
            "\(error)".contains("/nonexistent/lib/normbook/normbook_Notebook.resources")
        }
    }

    @Test func theTestBundlesOwnFolderHoldsTheTemplates() throws {
        let folder = try InstallLayout.templatesFolder()
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("layout.mustache").path))
    }
}
