package br.com.balcao.tickets;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A label with a colour that tickets carry; names are unique regardless of case. */
@Entity
@Table(name = "tags")
class Tag {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;
    private String color;

    protected Tag() {
    }

    /** A tag with its name and colour as "#rrggbb". */
    Tag(String name, String color) {
        this.name = name;
        this.color = color;
    }

    void rename(String name, String color) {
        this.name = name;
        this.color = color;
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    String getColor() {
        return color;
    }
}
