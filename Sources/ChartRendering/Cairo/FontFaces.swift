import CCairo

/// The pinned font: DejaVu Sans (Debian's fonts-dejavu-core) loaded through FreeType.
let dejaVuSansPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
/// The bold face, for titles.
let dejaVuSansBoldPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

/// The key under which a cairo font face keeps its FreeType face (freed when cairo is done with it).
nonisolated(unsafe) let freeTypeFaceKey = UnsafeMutablePointer<cairo_user_data_key_t>.allocate(capacity: 1)

/// Regular and bold cairo font faces, each owning its own FreeType library (so renders on
/// different threads share nothing).
final class FontFaces {
    let regular: OpaquePointer
    let bold: OpaquePointer

    init(chart: String) throws {
        regular = try FontFaces.load(dejaVuSansPath, chart: chart)
        do {
            bold = try FontFaces.load(dejaVuSansBoldPath, chart: chart)
        } catch {
            // The bold face is optional: fall back to the regular one.
            bold = cairo_font_face_reference(regular)
        }
    }

    deinit {
        cairo_font_face_destroy(regular)
        cairo_font_face_destroy(bold)
    }

    static func load(_ path: String, chart: String) throws -> OpaquePointer {
        var library: FT_Library?
        guard FT_Init_FreeType(&library) == 0, let lib = library else {
            throw ChartErrorFactory.rendering(chart, "FreeType could not be initialised")
        }
        var face: FT_Face?
        guard FT_New_Face(lib, path, 0, &face) == 0, let ftFace = face else {
            FT_Done_FreeType(lib)
            throw ChartErrorFactory.rendering(chart, "the font \(path) could not be loaded; install fonts-dejavu-core")
        }
        guard let cairoFace = cairo_ft_font_face_create_for_ft_face(ftFace, 0) else {
            FT_Done_Face(ftFace)
            FT_Done_FreeType(lib)
            throw ChartErrorFactory.rendering(chart, "cairo could not use the font \(path)")
        }
        let status = cairo_font_face_set_user_data(cairoFace, freeTypeFaceKey, UnsafeMutableRawPointer(ftFace)) { raw in
            guard let raw else { return }
            let face = raw.assumingMemoryBound(to: FT_FaceRec_.self)
            let library = face.pointee.glyph.pointee.library
            FT_Done_Face(face)
            if let library { FT_Done_FreeType(library) }
        }
        if status != CAIRO_STATUS_SUCCESS {
            cairo_font_face_destroy(cairoFace)
            FT_Done_Face(ftFace)
            FT_Done_FreeType(lib)
            throw ChartErrorFactory.rendering(chart, "cairo could not attach the font")
        }
        return cairoFace
    }
}
