package com.snackmanager.defaults.json;

import com.snackmanager.defaults.web.ControlCharacters;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every JSON string read into a {@code String} (a record component, a list or map element, an
 * untyped value) is refused when it holds a control character ({@link ControlCharacters}). The
 * failure names the field, like any other wrong value: a 400 with {@code errors: {field: [...]}}.
 */
public final class TextWithoutControlCharacters extends StringDeserializer {

  private TextWithoutControlCharacters() {}

  /** The module that puts this deserializer in place of Jackson's own for {@code String}. */
  public static JacksonModule module() {
    return new SimpleModule("text-without-control-characters")
        .addDeserializer(String.class, new TextWithoutControlCharacters());
  }

  @Override
  public String deserialize(JsonParser parser, DeserializationContext context) {
    String text = super.deserialize(parser, context);
    if (text != null && ControlCharacters.anyIn(text)) {
      return (String) context.handleWeirdStringValue(String.class, text, ControlCharacters.REFUSED);
    }
    return text;
  }
}
