package com.snackmanager.snack.catalog;

import com.snackmanager.defaults.web.ApiException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The 400 for a name another snack has (by {@link SnackName#key()}). */
public class DuplicateNameException extends ApiException {

  public DuplicateNameException() {
    super(
        HttpStatus.BAD_REQUEST,
        SnackRules.DUPLICATE_NAME,
        Map.of("name", List.of(SnackRules.DUPLICATE_NAME)));
  }
}
